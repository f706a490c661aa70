using LearningHub.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LearningHub.Web.Accounts;

/// <summary>
/// Refuses passwords that are easy to guess (common passwords, keyboard patterns, sequences, dates, the
/// person's own name or email address), using the zxcvbn estimator rather than a list kept here. Identity
/// runs it wherever a password is set: registration, reset and change.
/// </summary>
public sealed class PasswordStrengthValidator : IPasswordValidator<ApplicationUser>
{
    /// <summary>zxcvbn's score (0 to 4) a password must reach: 3 is "safely unguessable" against online attacks.</summary>
    public const int MinimumScore = 3;

    public const string ErrorCode = "PasswordTooGuessable";

    /// <summary>
    /// The estimator's cost grows steeply with length (about 0.1 s at 64 characters, 0.6 s at 200); a
    /// password whose first 64 characters are hard to guess is hard to guess, so only those are scored.
    /// </summary>
    private const int ScoredLength = 64;

    // One estimator for the process: its word lists load once and are only read afterwards.
    private static readonly Zxcvbn.Zxcvbn Estimator = new();

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own length rule reports an empty password.
            return Task.FromResult(IdentityResult.Success);
        }

        var result = Estimator.EvaluatePassword(password.Length > ScoredLength ? password[..ScoredLength] : password, UserInputs(user));
        return Task.FromResult(result.Score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "Password is too easy to guess. Use 3 random words, for example, and do not use your name, your email address or a common password",
            }));
    }

    /// <summary>What the person's password must not be built from: their email address, its parts and their name.</summary>
    private static IEnumerable<string> UserInputs(ApplicationUser user)
    {
        var inputs = new List<string>();
        if (user.Email is { Length: > 0 } email)
        {
            inputs.Add(email);
            inputs.AddRange(email.Split(['@', '.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries));
        }

        inputs.AddRange(user.FullName.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries));
        return inputs.Select(i => i.ToLowerInvariant()).Distinct();
    }
}
