using System.Net;
using System.Text.Json.Nodes;
using LearningHub.Core.Accounts;
using LearningHub.Core.Recipes;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Accounts;

/// <summary>A board administrator's identity providers: the admin page and the recipe step, the secret encrypted and audited without it.</summary>
public sealed class IdentityProviderAdminTests(IdentityProviderAdminTests.SecretFactory factory) : IClassFixture<IdentityProviderAdminTests.SecretFactory>
{
    private const string Secret = "a-client-secret-nobody-sees-again";

    [Fact]
    public async Task An_administrator_adds_a_provider_whose_secret_is_stored_encrypted_never_shown_and_audited_without_it()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var refused = await admin.SubmitFormAsync("/norfolk/admin/sign-in/provider", new Dictionary<string, string>
        {
            ["Input.Key"] = "NHS!",
            ["Input.ButtonLabel"] = "Sign in with your NHS account",
            ["Input.Authority"] = "http://login.example.org/tenant",
            ["Input.ClientId"] = "norfolk-app",
            ["Input.EmailDomains"] = "nhs.net",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = (await refused.ParseAsync()).QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_Key", "#Input_Authority", "#Input_ClientSecret"], errors);

        var saved = await admin.SubmitFormAsync("/norfolk/admin/sign-in/provider", new Dictionary<string, string>
        {
            ["Input.Key"] = "nhs",
            ["Input.ButtonLabel"] = "Sign in with your NHS account",
            ["Input.Authority"] = "https://login.microsoftonline.com/tenant-1/v2.0",
            ["Input.ClientId"] = "norfolk-app",
            ["Input.ClientSecret"] = Secret,
            ["Input.Scopes"] = "openid profile email",
            ["Input.EmailDomains"] = "nhs.net\n@NHS.uk",
            ["Input.DomainsMustUseProvider"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var provider = await factory.WithBoardAsync("norfolk", db => db.Set<BoardIdentityProvider>().SingleAsync(p => p.Key == "nhs"));
        Assert.Equal(["nhs.net", "nhs.uk"], provider.DomainList);
        Assert.Equal("profile email", provider.Scopes);
        Assert.True(provider.DomainsMustUseProvider);
        Assert.DoesNotContain(Secret, provider.ProtectedClientSecret);
        var edit = await admin.GetAsync(saved.Headers.Location!.OriginalString);
        var html = await edit.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, html);
        Assert.Contains("http://localhost/norfolk/account/oidc/nhs/callback", html);
        var audit = await factory.WithBoardAsync("norfolk", db => db.AuditEntries.SingleAsync(e => e.Action == "accounts.identity-provider.added"));
        Assert.DoesNotContain(Secret, audit.ChangesJson);
        Assert.Contains("\"clientReplaced\":true", audit.ChangesJson);

        // Essex's sign-in page does not offer Norfolk's provider; Norfolk's does.
        static async Task<List<string>> ButtonsAsync(HttpClient client, string board) =>
            (await client.GetDocumentAsync($"/{board}/account/sign-in")).QuerySelectorAll("main a.govuk-button").Select(a => a.TextContent).ToList();
        Assert.DoesNotContain("Sign in with your NHS account", await ButtonsAsync(factory.CreateBrowserClient(), "essex"));
        Assert.Contains("Sign in with your NHS account", await ButtonsAsync(factory.CreateBrowserClient(), "norfolk"));
    }

    [Fact]
    public async Task A_practitioner_cannot_manage_identity_providers()
    {
        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");

        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/norfolk/admin/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/norfolk/admin/sign-in/provider")).StatusCode);
    }

    [Fact]
    public async Task The_recipe_step_adds_providers_with_the_secret_from_configuration_and_refuses_one_written_in_the_file()
    {
        var executor = factory.Services.GetRequiredService<RecipeExecutor>();
        JsonObject Provider() => new()
        {
            ["key"] = "police",
            ["buttonLabel"] = "Sign in with your police account",
            ["authority"] = "https://login.microsoftonline.com/tenant-2/v2.0",
            ["clientId"] = "essex-police-app",
            ["clientSecretFrom"] = "IdentityProviders:Essex:Police:ClientSecret",
            ["emailDomains"] = new JsonArray("police.example"),
            ["domainsMustUseProvider"] = true,
        };

        await executor.ApplyAsync("essex-sign-in.recipe.json", Recipe(Provider()));

        var provider = await factory.WithBoardAsync("essex", db => db.Set<BoardIdentityProvider>().SingleAsync(p => p.Key == "police"));
        Assert.Equal("essex-police-app", provider.ClientId);
        Assert.Equal(Secret, factory.Services.GetRequiredService<IdentityProviderSecrets>().Unprotect(provider.ProtectedClientSecret));

        var inFile = Provider();
        inFile["clientSecret"] = Secret;
        var error = await Assert.ThrowsAsync<RecipeException>(() => executor.ApplyAsync("essex-sign-in.recipe.json", Recipe(inFile)));
        Assert.Contains("must not be written in a recipe file", error.Message);
    }

    /// <summary>A recipe that selects Essex and sets its providers.</summary>
    private static string Recipe(JsonObject provider) => new JsonObject
    {
        ["name"] = "Essex sign-in",
        ["steps"] = new JsonArray(
            new JsonObject { ["step"] = "board", ["slug"] = "essex", ["name"] = "Essex Safeguarding Children Board", ["shortName"] = "ESCB", ["contactEmail"] = "escb@essex.example" },
            new JsonObject { ["step"] = "identityProviders", ["providers"] = new JsonArray(provider) }),
    }.ToJsonString();

    public sealed class SecretFactory : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["IdentityProviders:Essex:Police:ClientSecret"] = Secret,
        };
    }
}
