using System.Security.Claims;
using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace LearningHub.Web.Accounts;

public enum ExternalSignInOutcome
{
    /// <summary>Signed in to the account the provider's subject is linked to.</summary>
    SignedIn,

    /// <summary>A new account was made from the provider's verified email and name, and signed in; its profile is still to complete.</summary>
    Created,

    /// <summary>A local account has this verified email: its owner must prove they hold it before it is linked.</summary>
    LinkNeeded,

    Refused,
}

public sealed record ExternalSignInResult(ExternalSignInOutcome Outcome, IdentityProviderRefusal? Refusal = null, string? Email = null);

/// <summary>
/// Finishes a sign-in the board's OpenID provider vouched for (the handler has checked state, nonce, PKCE,
/// issuer, audience and signature, and holds the result in Identity's external cookie). The email must be
/// verified by the provider and in one of the provider's domains, at every sign-in. A subject already linked
/// signs in to its account; a new person gets an account on this board from the verified email and name; an
/// existing local account with the same email is linked only after its owner proves they hold it
/// (<see cref="LinkWithPasswordAsync"/>).
/// </summary>
public sealed class ExternalSignIn(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, BoardIdentityProviders providers,
    LearningHubDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The provider's verified sign-in still held in the external cookie, with its provider, if it is this board's.</summary>
    public async Task<(ExternalLoginInfo Info, BoardIdentityProvider Provider)?> PendingAsync() =>
        await signIn.GetExternalLoginInfoAsync() is { } info && await providers.FindBySchemeAsync(info.LoginProvider) is { } provider
            ? (info, provider)
            : null;

    public async Task<ExternalSignInResult> CompleteAsync()
    {
        if (await PendingAsync() is not var (info, provider))
        {
            return Refuse(IdentityProviderRefusal.Failed);
        }

        var email = info.Principal.FindFirstValue(IdentityProviderClaims.Email)?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return await RefuseAsync(IdentityProviderRefusal.NoEmail);
        }

        if (!IsVerified(info.Principal))
        {
            return await RefuseAsync(IdentityProviderRefusal.UnverifiedEmail, email);
        }

        if (!provider.IsFor(email))
        {
            return await RefuseAsync(IdentityProviderRefusal.OtherDomain, email);
        }

        var linked = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (linked.Succeeded)
        {
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
            return new ExternalSignInResult(ExternalSignInOutcome.SignedIn);
        }

        if (linked.IsLockedOut || linked.IsNotAllowed)
        {
            return await RefuseAsync(IdentityProviderRefusal.Failed, email);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            // The external cookie stays for the link page.
            return new ExternalSignInResult(ExternalSignInOutcome.LinkNeeded, Email: email);
        }

        await CreateAsync(info, provider, email);
        return new ExternalSignInResult(ExternalSignInOutcome.Created);
    }

    /// <summary>
    /// Links the pending provider sign-in to the local account with its email once the person gives that account's
    /// password (with lockout, as signing in does), and signs them in. False for a wrong password or no pending sign-in.
    /// </summary>
    public async Task<bool> LinkWithPasswordAsync(string password)
    {
        if (await PendingAsync() is not var (info, provider)
            || info.Principal.FindFirstValue(IdentityProviderClaims.Email) is not { } email
            || !IsVerified(info.Principal) || !provider.IsFor(email)
            || await users.FindByEmailAsync(email) is not { } user)
        {
            return false;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded && !check.IsNotAllowed)
        {
            return false;
        }

        if (check.IsNotAllowed && !await users.CheckPasswordAsync(user, password))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        Check(await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, provider.ButtonLabel)));
        // The provider has verified the address, and the person holds the account's password: the address is theirs.
        user.EmailConfirmed = true;
        Check(await users.UpdateAsync(user));
        audit.Record("accounts.identity-provider.linked", AuditTarget.Account(user.Id, user.FullName),
            new { provider = provider.Key, how = "password" }, new AuditActor(user.Id, user.FullName));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        return true;
    }

    private async Task CreateAsync(ExternalLoginInfo info, BoardIdentityProvider provider, string email)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = FullName(info.Principal, email),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        Check(await users.CreateAsync(user));
        Check(await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, provider.ButtonLabel)));
        Check(await users.AddToRoleAsync(user, BoardRoles.Practitioner));
        audit.Record("accounts.account.created", AuditTarget.Account(user.Id, user.FullName),
            new { user.Email, how = "identity provider", provider = provider.Key }, new AuditActor(user.Id, user.FullName));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    /// <summary>
    /// The provider says the address is the person's: <c>email_verified</c> (OpenID Connect), or Microsoft Entra ID's
    /// <c>xms_edov</c> (its tenant owns the address's domain), which it sends instead.
    /// </summary>
    private static bool IsVerified(ClaimsPrincipal principal) =>
        principal.FindAll(IdentityProviderClaims.EmailVerified).Concat(principal.FindAll(IdentityProviderClaims.EmailDomainOwnerVerified))
            .Any(c => string.Equals(c.Value, "true", StringComparison.OrdinalIgnoreCase));

    private static string FullName(ClaimsPrincipal principal, string email)
    {
        var name = principal.FindFirstValue(IdentityProviderClaims.Name)
                   ?? string.Join(' ', new[] { principal.FindFirstValue(IdentityProviderClaims.GivenName), principal.FindFirstValue(IdentityProviderClaims.FamilyName) }
                       .Where(n => !string.IsNullOrWhiteSpace(n)));
        name = name.Trim();
        return name.Length == 0 ? email[..email.IndexOf('@')] : name[..Math.Min(name.Length, 200)];
    }

    private async Task<ExternalSignInResult> RefuseAsync(IdentityProviderRefusal refusal, string? email = null)
    {
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        return Refuse(refusal, email);
    }

    private static ExternalSignInResult Refuse(IdentityProviderRefusal refusal, string? email = null) =>
        new(ExternalSignInOutcome.Refused, refusal, email);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not save the account: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
