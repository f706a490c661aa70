using System.Text;
using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace LearningHub.Web.Accounts;

/// <summary>
/// A person creates their own account. The account, its Practitioner role, the confirmation mail and
/// the audit entry are saved in one transaction: all of them or none.
/// </summary>
public sealed class AccountRegistration(LearningHubDbContext db, UserManager<ApplicationUser> users, AccountMail mail, AuditLog audit)
{
    /// <summary>
    /// Creates <paramref name="user"/> with <paramref name="password"/>. <paramref name="confirmationLink"/>
    /// makes the link the mail carries from the account and its confirmation code. A refused password or
    /// address comes back as the failed result, with nothing saved.
    /// </summary>
    public async Task<IdentityResult> RegisterAsync(ApplicationUser user, string password, Func<ApplicationUser, string, string> confirmationLink)
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

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        await mail.QueueConfirmationAsync(user, confirmationLink(user, code));
        audit.Record("accounts.account.created", new AuditTarget("Account", user.Id, user.FullName),
            new { user.Email, user.AgencyId, user.JobRole, user.LocalityId, how = "registered" },
            new AuditActor(user.Id, user.FullName));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return created;
    }
}
