using LearningHub.Core.Accounts;
using LearningHub.Core.Recipes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Recipes.Steps;

/// <summary>
/// <c>{ "step": "identityProviders", "providers": [ { "key": "nhs", "buttonLabel": "Sign in with your NHS account",
/// "authority": "https://login.microsoftonline.com/{tenant}/v2.0", "clientId": "...", "clientSecretFrom":
/// "IdentityProviders:Norfolk:Nhs:ClientSecret", "scopes": "profile email", "emailDomains": ["nhs.net"],
/// "domainsMustUseProvider": true } ] }</c>: the OpenID providers the board offers for signing in, added or
/// changed by key and never removed here. The client secret is never written in the file: <c>clientSecretFrom</c>
/// names the configuration key (an environment variable such as <c>IdentityProviders__Norfolk__Nhs__ClientSecret</c>)
/// that holds it; left out, the stored secret is kept.
/// </summary>
public sealed class IdentityProvidersStep : IRecipeStepHandler
{
    public string StepName => "identityProviders";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var editor = context.Services.GetRequiredService<IdentityProviderEditor>();
        var configuration = context.Services.GetRequiredService<IConfiguration>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in context.Step.Objects("providers", required: true))
        {
            var key = item.Key(maxLength: 40, example: "nhs");
            if (!seen.Add(key))
            {
                throw item.Fail("key", $"'{key}' appears more than once in this list.");
            }

            if (item.Has("clientSecret"))
            {
                throw item.Fail("clientSecret", "must not be written in a recipe file: name the configuration key that holds it with 'clientSecretFrom'.");
            }

            var authority = item.String("authority", 500);
            if (!IdentityProviderRules.IsAuthority(authority))
            {
                throw item.Fail("authority", "must be a full https address (http only to this machine), the provider's issuer.");
            }

            var domains = IdentityProviderRules.ParseDomains(string.Join(' ', item.Strings("emailDomains")));
            if (domains is null or { Count: 0 })
            {
                throw item.Fail("emailDomains", "must list the email domains the provider is for, like [\"nhs.net\"].");
            }

            string? secret = null;
            if (item.OptionalString("clientSecretFrom", 200) is { } secretKey)
            {
                secret = configuration[secretKey];
                if (string.IsNullOrEmpty(secret))
                {
                    throw item.Fail("clientSecretFrom", $"names the configuration key '{secretKey}', which is not set.");
                }
            }
            else if (await editor.FindAsync(key, cancellationToken) is null)
            {
                throw item.Fail("clientSecretFrom", "is required for a new provider: the configuration key that holds its client secret.");
            }

            await editor.ApplyAsync(new IdentityProviderChange(
                key, item.String("buttonLabel", 100), authority, item.String("clientId", 256), secret,
                item.OptionalString("scopes", 500) ?? "profile email", domains, item.OptionalBool("domainsMustUseProvider") ?? false), cancellationToken);
        }
    }
}
