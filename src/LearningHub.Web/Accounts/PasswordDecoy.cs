using LearningHub.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningHub.Web.Accounts;

/// <summary>
/// Spends the time checking a password takes when there is no account to check it against, so a sign-in
/// (or a registration) for an unknown address takes as long as one for a known address and timing does not
/// tell who has an account.
/// </summary>
public sealed class PasswordDecoy(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new() { Id = "decoy", UserName = "decoy" };

    // Hashed once per process with the real hasher, so checking against it costs what a real check costs.
    private static string? _hash;

    public void Check(string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
