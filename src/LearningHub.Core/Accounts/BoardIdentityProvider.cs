using LearningHub.Core.Boards;

namespace LearningHub.Core.Accounts;

/// <summary>
/// An OpenID Connect identity provider a board offers for signing in ("Sign in with your NHS account"): a
/// partner's Microsoft Entra ID tenant, or any OpenID provider. Each board has its own, so a board's sign-in
/// page shows only its buttons and its callbacks are under its path.
/// </summary>
public class BoardIdentityProvider : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>Stable and in addresses: the callback <c>/{board}/account/oidc/{key}/callback</c> registered at the provider.</summary>
    public string Key { get; set; } = "";

    /// <summary>The button on the sign-in page, like "Sign in with your NHS account".</summary>
    public string ButtonLabel { get; set; } = "";

    /// <summary>The issuer: its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>Encrypted with ASP.NET Core data protection (<see cref="IdentityProviderSecrets"/>); never shown back.</summary>
    public string ProtectedClientSecret { get; set; } = "";

    /// <summary>Space-separated scopes asked for besides <c>openid</c>.</summary>
    public string Scopes { get; set; } = "profile email";

    /// <summary>Space-separated email domains the provider is for (<c>nhs.net</c>); other addresses are refused.</summary>
    public string EmailDomains { get; set; } = "";

    /// <summary>People with an address in <see cref="EmailDomains"/> must sign in here: their local password is refused.</summary>
    public bool DomainsMustUseProvider { get; set; }

    /// <summary>Changes with every save, so every node rebuilds its handler options for the provider.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<string> DomainList =>
        EmailDomains.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether <paramref name="email"/>'s domain is one this provider is for (exact match, any case).</summary>
    public bool IsFor(string email) =>
        email.LastIndexOf('@') is var at and > 0 && DomainList.Contains(email[(at + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
}
