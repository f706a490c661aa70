using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Accounts;

/// <summary>
/// Sign-in sessions kept on the server, so a sign-in cookie is good only while its session is: signing out
/// ends it, and a copy of the cookie taken before is refused afterwards. Each session is a row in Identity's
/// per-account token store (<c>AspNetUserTokens</c>, provider <see cref="Provider"/>, name = session id,
/// value = when it started), so erasing an account, which deletes its tokens, ends all its sessions too.
/// The cookie carries the session id as a claim (<see cref="LearningHubClaimTypes.SessionId"/>); every
/// request checks it with one primary-key read (<see cref="AccountsSetup"/>).
/// </summary>
public sealed class AccountSessions(LearningHubDbContext db, SessionCheckCache checks, TimeProvider clock)
{
    public const string Provider = "LearningHub.Session";

    /// <summary>
    /// The longest a session lasts, however active: the cookie slides (8 hours idle), the session does not,
    /// so a stolen cookie cannot be kept alive for ever, and old rows can be cleared at the next sign-in.
    /// </summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromDays(7);

    /// <summary>
    /// Gives a cookie about to be issued its session: the one the browser already has when the same person
    /// is refreshed (a details change, a new password), else a new one.
    /// </summary>
    public async Task AttachAsync(ClaimsPrincipal issuing, ClaimsPrincipal current)
    {
        if (issuing.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == LearningHubClaimTypes.SessionId)
            || issuing.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }

        var sessionId = current.FindFirstValue(ClaimTypes.NameIdentifier) == userId ? current.FindFirstValue(LearningHubClaimTypes.SessionId) : null;
        sessionId ??= await StartAsync(userId);
        identity.AddClaim(new Claim(LearningHubClaimTypes.SessionId, sessionId));
    }

    /// <summary>Whether the principal's session is still open (not signed out, ended by a password change or erasure, or too old).</summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || principal.FindFirstValue(LearningHubClaimTypes.SessionId) is not { } sessionId)
        {
            return false;
        }

        var known = checks.For(userId);
        if (known.Sessions?.TryGetValue(sessionId, out var started) != true)
        {
            var read = (await Sessions(userId).Select(t => new { t.Name, t.Value }).ToListAsync())
                .ToImmutableDictionary(t => t.Name, t => t.Value);
            known.Remember(read);
            read.TryGetValue(sessionId, out started);
        }

        return started is not null && !IsTooOld(started);
    }

    /// <summary>Ends the principal's own session (signing out).</summary>
    public async Task EndAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && principal.FindFirstValue(LearningHubClaimTypes.SessionId) is { } sessionId)
        {
            await Sessions(userId).Where(t => t.Name == sessionId).ExecuteDeleteAsync();
            checks.Forget(userId);
        }
    }

    /// <summary>Ends every session of the account except <paramref name="keep"/>'s (null: all of them); returns how many ended.</summary>
    public async Task<int> EndOthersAsync(string userId, ClaimsPrincipal? keep)
    {
        var kept = keep?.FindFirstValue(ClaimTypes.NameIdentifier) == userId ? keep.FindFirstValue(LearningHubClaimTypes.SessionId) : null;
        var ended = await Sessions(userId).Where(t => t.Name != kept).ExecuteDeleteAsync();
        checks.Forget(userId);
        return ended;
    }

    /// <summary>
    /// Identity re-creates the principal when it re-checks the security stamp (every minute); the new one
    /// keeps the session it was issued for, and how the person signed in (a board's identity provider, whose
    /// sign-out is offered when they sign out).
    /// </summary>
    public static Task KeepSessionOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is not ClaimsIdentity identity)
        {
            return Task.CompletedTask;
        }

        foreach (var type in new[] { LearningHubClaimTypes.SessionId, ClaimTypes.AuthenticationMethod })
        {
            if (context.CurrentPrincipal?.FindFirst(type) is { } kept && !identity.HasClaim(c => c.Type == type))
            {
                identity.AddClaim(new Claim(kept.Type, kept.Value));
            }
        }

        return Task.CompletedTask;
    }

    private async Task<string> StartAsync(string userId)
    {
        // Sessions too old to use are cleared here rather than by a job: few rows per account, read by key.
        var stale = (await Sessions(userId).ToListAsync()).Where(t => t.Value is null || IsTooOld(t.Value)).ToList();
        db.UserTokens.RemoveRange(stale);
        var sessionId = Guid.NewGuid().ToString("N");
        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = userId,
            LoginProvider = Provider,
            Name = sessionId,
            Value = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync();
        return sessionId;
    }

    private bool IsTooOld(string started) =>
        !DateTime.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
        || clock.GetUtcNow().UtcDateTime - at > MaximumAge;

    private IQueryable<IdentityUserToken<string>> Sessions(string userId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider);
}
