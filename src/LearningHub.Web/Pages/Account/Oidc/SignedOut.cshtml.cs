using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace LearningHub.Web.Pages.Account.Oidc;

/// <summary>After signing out here, the provider's sign-out is offered when its discovery document names one.</summary>
[AllowIncompleteProfile]
public sealed class SignedOutModel(BoardIdentityProviders providers, IOptionsMonitor<OpenIdConnectOptions> options, ILogger<SignedOutModel> logger) : BoardPageModel
{
    public string Key { get; private set; } = "";

    public string Label { get; private set; } = "";

    public bool CanSignOutThere { get; private set; }

    public async Task OnGetAsync(string key)
    {
        var provider = await providers.FindAsync(key).OrNotFound();
        Key = provider.Key;
        Label = provider.ButtonLabel;
        try
        {
            var configuration = await options.Get(providers.SchemeName(provider)).ConfigurationManager!.GetConfigurationAsync(HttpContext.RequestAborted);
            CanSignOutThere = !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            logger.LogWarning(ex, "Could not read {Provider}'s discovery document", provider.Key);
        }
    }
}
