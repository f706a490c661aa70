using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace LearningHub.Core.Accounts;

/// <summary>
/// What this node last read of an account's open sign-in sessions (session id → when it started), so the
/// check every signed-in request makes (<c>AccountSessions.IsOpenAsync</c> in the host) reads the database at
/// most once per <see cref="CheckInterval"/> per account instead of on every request: that read, with the
/// database context it needs, was about half the server time of a signed-in board home page.
/// <para>
/// Whatever ends a session on this node (signing out, a password change or reset, erasure) forgets the
/// account here, so the cookie is refused at once on this node; another node of a scale-out deployment
/// refuses it when its own copy is older than <see cref="CheckInterval"/>. A session this node does not know
/// (started on another node, or since it read) is always looked up, never refused from here.
/// </para>
/// <para>
/// The holder also keeps each session's last passed security-stamp check (<see cref="Holder.StampCheckOf"/>), so a
/// browser that sends a cookie older than the check interval (several requests in flight when it was renewed, or a
/// client that ignores the renewed cookie) costs the stamp check (the account, its roles and claims from the
/// database, and a new cookie) once per <see cref="CheckInterval"/> per session on this node, not on every request.
/// A role change forgets the account here as an ended session does, so it reaches this node at once.
/// </para>
/// </summary>
public sealed class SessionCheckCache(IMemoryCache cache)
{
    /// <summary>How long a node trusts what it read; the security stamp (roles) is re-checked every minute.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The account's sessions as read, or null when they must be read. A read stored with
    /// <see cref="Remember"/> goes into the holder this returned, so a read that raced an end (which removes
    /// the holder) is never seen by a later request.
    /// </summary>
    public Holder For(string userId) =>
        cache.GetOrCreate(Key(userId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CheckInterval;
            return new Holder();
        })!;

    /// <summary>Forgets what was read of the account's sessions: one of them has ended.</summary>
    public void Forget(string userId) => cache.Remove(Key(userId));

    private static (string, string) Key(string userId) => ("account-sessions", userId);

    public sealed class Holder
    {
        private ImmutableDictionary<string, string?>? _sessions;

        /// <summary>Session id → when it started (round-trip text), or null before the first read.</summary>
        public ImmutableDictionary<string, string?>? Sessions => Volatile.Read(ref _sessions);

        public void Remember(ImmutableDictionary<string, string?> sessions) => Volatile.Write(ref _sessions, sessions);

        private ImmutableDictionary<string, StampCheck> _stampChecks = ImmutableDictionary<string, StampCheck>.Empty;

        /// <summary>The session's security-stamp check this holder saw pass, or null.</summary>
        public StampCheck? StampCheckOf(string sessionId) => Volatile.Read(ref _stampChecks).GetValueOrDefault(sessionId);

        public void RememberStampCheck(string sessionId, StampCheck check) =>
            ImmutableInterlocked.AddOrUpdate(ref _stampChecks, sessionId, check, (_, _) => check);
    }

    /// <summary>
    /// A passed security-stamp check: the stamp the cookie carried and the principal Identity made from the account
    /// then (kept unshared: each request that reuses it gets its own copy).
    /// </summary>
    public sealed record StampCheck(string? Stamp, ClaimsPrincipal Principal);
}
