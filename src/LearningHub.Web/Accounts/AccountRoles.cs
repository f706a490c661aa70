using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace LearningHub.Web.Accounts;

/// <summary>Changes a person's roles on the board, with an audit entry for each role given or taken away.</summary>
public sealed class AccountRoles(UserManager<ApplicationUser> users, LearningHubDbContext db, AuditLog audit, SessionCheckCache sessionChecks)
{
    /// <summary>Leaves <paramref name="person"/> with exactly the <paramref name="wanted"/> roles.</summary>
    public async Task SetAsync(ApplicationUser person, IReadOnlySet<string> wanted)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var current = (await users.GetRolesAsync(person)).ToHashSet();
        var removed = await users.RemoveFromRolesAsync(person, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(person, wanted.Except(current)) : removed;
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Could not change roles: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }

        var target = AuditTarget.Account(person.Id, person.FullName);
        foreach (var role in wanted.Except(current).Order(StringComparer.Ordinal))
        {
            audit.Record("accounts.role.granted", target, new { role });
        }

        foreach (var role in current.Except(wanted).Order(StringComparer.Ordinal))
        {
            audit.Record("accounts.role.revoked", target, new { role });
        }

        // Their browser picks up the change at its next security-stamp check (within a minute). This
        // save also writes the audit entries, inside the same transaction as the role change.
        await users.UpdateSecurityStampAsync(person);
        await transaction.CommitAsync();
        // This node's passed stamp checks of their sessions are forgotten, so the change reaches them here at once.
        sessionChecks.Forget(person.Id);
    }
}
