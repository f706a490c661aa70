using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace LearningHub.Web.Accounts;

/// <summary>
/// A new password, by the person who knows the old one (change) or by a reset link (reset). Either ends the
/// account's other sign-in sessions, since whoever else may hold one might be why it was changed, and is
/// audited (never with the password). A change keeps the browser it was made in signed in.
/// </summary>
public sealed class AccountPasswords(
    LearningHubDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AccountSessions sessions, SessionCheckCache sessionChecks, AuditLog audit)
{
    public const string Changed = "accounts.password.changed";
    public const string Reset = "accounts.password.reset";

    /// <summary>Changes the signed-in <paramref name="user"/>'s password; <paramref name="current"/> is the principal kept signed in.</summary>
    public async Task<IdentityResult> ChangeAsync(ApplicationUser user, string oldPassword, string newPassword, ClaimsPrincipal current)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.ChangePasswordAsync(user, oldPassword, newPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        var ended = await sessions.EndOthersAsync(user.Id, current);
        audit.Record(Changed, AuditTarget.Account(user.Id, user.FullName), new { otherSessionsEnded = ended });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        // Again after the commit: a request that read the sessions before it must not keep them for this node.
        sessionChecks.Forget(user.Id);
        // A fresh cookie with the new security stamp, on the same session.
        await signIn.RefreshSignInAsync(user);
        return result;
    }

    /// <summary>Sets <paramref name="user"/>'s password from a reset <paramref name="token"/>; every session ends.</summary>
    public async Task<IdentityResult> ResetAsync(ApplicationUser user, string token, string newPassword)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        var ended = await sessions.EndOthersAsync(user.Id, keep: null);
        audit.Record(Reset, AuditTarget.Account(user.Id, user.FullName), new { sessionsEnded = ended },
            new AuditActor(user.Id, user.FullName));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        sessionChecks.Forget(user.Id);
        return result;
    }
}
