using System.Text.RegularExpressions;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Core.Accounts;

/// <summary>Names and checks shared by the admin page, the recipe step and the sign-in handlers.</summary>
public static partial class IdentityProviderRules
{
    /// <summary>
    /// The authentication scheme of a board's provider. It names the board, so a scheme (and the state and
    /// external logins keyed by it) of one board is never another's.
    /// </summary>
    public static string SchemeName(string boardSlug, string key) => $"oidc:{boardSlug}:{key}";

    /// <summary>The board slug and provider key in a scheme name made by <see cref="SchemeName"/>, or null.</summary>
    public static (string Board, string Key)? ParseSchemeName(string name)
    {
        var parts = name.Split(':');
        return parts is ["oidc", { Length: > 0 } board, { Length: > 0 } key] ? (board, key) : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex KeyPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();

    /// <summary>
    /// An absolute https address without user or query: the issuer. Plain http only on this machine
    /// (loopback), where nothing crosses a network: a local provider, or the tests'.
    /// </summary>
    public static bool IsAuthority(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>Domains typed one per line, or separated by spaces or commas, lower-cased; null if any is not a domain.</summary>
    public static IReadOnlyList<string>? ParseDomains(string? text)
    {
        var domains = (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Distinct().ToList();
        return domains.All(d => DomainPattern().IsMatch(d)) ? domains : null;
    }

    /// <summary>Scopes besides <c>openid</c> (always asked for), space separated.</summary>
    public static string NormaliseScopes(string? text) =>
        string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "openid").Distinct());
}

/// <summary>Encrypts and decrypts providers' client secrets with ASP.NET Core data protection.</summary>
public sealed class IdentityProviderSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("LearningHub.Accounts.IdentityProviderClientSecret");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}

/// <summary>What the admin page or a recipe saves for one provider, already checked. A null secret keeps the stored one.</summary>
public sealed record IdentityProviderChange(
    string Key, string ButtonLabel, string Authority, string ClientId, string? ClientSecret, string Scopes,
    IReadOnlyList<string> EmailDomains, bool DomainsMustUseProvider);

/// <summary>
/// Adds and changes a board's identity providers with their audit entries, the secret encrypted and never in
/// the log. The admin page and the recipe step both come here.
/// </summary>
public sealed class IdentityProviderEditor(LearningHubDbContext db, BoardContext boards, IdentityProviderSecrets secrets, AuditLog audit)
{
    public Task<BoardIdentityProvider?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        db.Set<BoardIdentityProvider>().SingleOrDefaultAsync(p => p.Key == key, cancellationToken);

    /// <summary>Adds the provider <paramref name="change"/> names by key, or changes it; nothing is saved until the caller saves.</summary>
    public async Task<BoardIdentityProvider> ApplyAsync(IdentityProviderChange change, CancellationToken cancellationToken = default)
    {
        var provider = await FindAsync(change.Key, cancellationToken);
        var added = provider is null;
        if (provider is null)
        {
            provider = new BoardIdentityProvider { Key = change.Key };
            db.Add(provider);
        }
        else if (!string.Equals(provider.Authority, change.Authority.Trim(), StringComparison.Ordinal))
        {
            // Subjects are only unique within one issuer: a login kept from the old one could name someone else at the new one.
            var scheme = IdentityProviderRules.SchemeName(boards.Required.Slug, provider.Key);
            db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.LoginProvider == scheme).ToListAsync(cancellationToken));
        }

        provider.ButtonLabel = change.ButtonLabel.Trim();
        provider.Authority = change.Authority.Trim();
        provider.ClientId = change.ClientId.Trim();
        provider.Scopes = IdentityProviderRules.NormaliseScopes(change.Scopes);
        provider.EmailDomains = string.Join(' ', change.EmailDomains);
        provider.DomainsMustUseProvider = change.DomainsMustUseProvider;
        if (!string.IsNullOrEmpty(change.ClientSecret))
        {
            provider.ProtectedClientSecret = secrets.Protect(change.ClientSecret);
        }

        provider.Version = Guid.NewGuid();
        audit.Record(added ? "accounts.identity-provider.added" : "accounts.identity-provider.changed",
            new AuditTarget("IdentityProvider", provider.Key, provider.ButtonLabel), new
            {
                provider.ButtonLabel,
                provider.Authority,
                client = provider.ClientId,
                provider.Scopes,
                domains = provider.EmailDomains,
                mustUse = provider.DomainsMustUseProvider,
                // Never the secret itself (the log's filter drops names like secret); only whether a new one was given.
                clientReplaced = !string.IsNullOrEmpty(change.ClientSecret),
            });
        return provider;
    }

    public async Task SaveAsync(IdentityProviderChange change, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(change, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes a provider and the logins linked through it (those people can still reset a password or sign in again).</summary>
    public async Task RemoveAsync(BoardIdentityProvider provider, CancellationToken cancellationToken = default)
    {
        var scheme = IdentityProviderRules.SchemeName(boards.Required.Slug, provider.Key);
        db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.LoginProvider == scheme).ToListAsync(cancellationToken));
        db.Remove(provider);
        audit.Record("accounts.identity-provider.removed", new AuditTarget("IdentityProvider", provider.Key, provider.ButtonLabel));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The provider whose domains must use it for <paramref name="email"/>, if any: its local password is then refused.</summary>
    public async Task<BoardIdentityProvider?> RequiredForAsync(string email, CancellationToken cancellationToken = default)
    {
        var required = await db.Set<BoardIdentityProvider>().AsNoTracking().Where(p => p.DomainsMustUseProvider).ToListAsync(cancellationToken);
        return required.FirstOrDefault(p => p.IsFor(email));
    }
}
