using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace LearningHub.Web.Accounts;

/// <summary>
/// A person creates their own account. The account, its Practitioner role, the confirmation mail and
/// the audit entry are saved in one transaction: all of them or none. An address that already has an
/// account gets a mail instead, so that only its owner learns the account exists.
/// </summary>
public sealed class AccountRegistration(
    LearningHubDbContext db, UserManager<ApplicationUser> users, AccountMail mail, AuditLog audit, PasswordDecoy decoy)
{
    /// <summary>Judges <paramref name="password"/> for the new account as Identity will (length, guessability).</summary>
    public async Task<IdentityResult> CheckPasswordAsync(ApplicationUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>
    /// Someone registered with <paramref name="existing"/>'s address: its owner gets a mail saying so. The
    /// password is hashed as a new account's would be, so the answer takes as long as a registration.
    /// </summary>
    public async Task<IdentityResult> TellOwnerAsync(ApplicationUser existing, string password)
    {
        decoy.Check(password);
        await mail.QueueAccountExistsAsync(existing);
        await db.SaveChangesAsync();
        return IdentityResult.Success;
    }

    /// <summary>
    /// Creates <paramref name="user"/> with <paramref name="password"/>. A refused password or address comes
    /// back as the failed result, with nothing saved.
    /// </summary>
    public async Task<IdentityResult> RegisterAsync(ApplicationUser user, string password)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var roles = await users.AddToRoleAsync(user, BoardRoles.Practitioner);
        if (!roles.Succeeded)
        {
            throw new InvalidOperationException("Could not give a new account the Practitioner role.");
        }

        await mail.QueueConfirmationAsync(user);
        audit.Record("accounts.account.created", AuditTarget.Account(user.Id, user.FullName),
            new { user.Email, user.AgencyId, user.JobRole, user.LocalityId, how = "registered" },
            new AuditActor(user.Id, user.FullName));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return created;
    }
}
