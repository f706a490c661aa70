using System.Text.Json.Nodes;
using LearningHub.Core.Recipes;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Recipes;

/// <summary>The recipe's <c>mail</c> step: password sign-in as before, and OAuth 2.0 with the secret from configuration.</summary>
public sealed class MailRecipeTests(MailRecipeTests.SecretFactory factory) : IClassFixture<MailRecipeTests.SecretFactory>
{
    private const string Secret = "client-secret-from-configuration";

    private RecipeExecutor Executor => factory.Services.GetRequiredService<RecipeExecutor>();

    /// <summary>The Norfolk recipe as a new board whose mail step is <paramref name="mail"/>.</summary>
    private static string Recipe(string slug, JsonObject mail)
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", "norfolk.recipe.json")))!.AsObject();
        var steps = recipe["steps"]!.AsArray();
        steps[0]!["slug"] = slug;
        steps[0]!["name"] = $"Board of {slug}";
        var index = steps.Select((s, i) => (s, i)).Single(x => (string?)x.s!["step"] == "mail").i;
        mail["step"] = "mail";
        steps[index] = mail;
        return recipe.ToJsonString();
    }

    private static JsonObject OAuthStep() => new()
    {
        ["transport"] = "Smtp",
        ["host"] = "smtp.office365.com",
        ["port"] = 587,
        ["security"] = "StartTls",
        ["authentication"] = "OAuthClientCredentials",
        ["userName"] = "learning@suffolk.example",
        ["oauthTokenEndpoint"] = "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token",
        ["oauthClientId"] = "suffolk-client",
        ["oauthScope"] = "https://outlook.office365.com/.default",
        ["oauthClientSecretFrom"] = "Mail:Suffolk:ClientSecret",
    };

    [Fact]
    public async Task OAuth_settings_come_from_the_recipe_and_the_secret_from_configuration()
    {
        await Executor.ApplyAsync("suffolk.recipe.json", Recipe("suffolk", OAuthStep()));

        var settings = await factory.WithBoardAsync("suffolk", db => db.Set<BoardMailSettings>().AsNoTracking().SingleAsync());
        Assert.Equal(SmtpAuthentication.OAuthClientCredentials, settings.Authentication);
        Assert.Equal("suffolk-client", settings.OAuthClientId);
        Assert.NotNull(settings.ProtectedOAuthClientSecret);
        Assert.DoesNotContain(Secret, settings.ProtectedOAuthClientSecret);
    }

    [Theory]
    [InlineData("oauthClientSecret", "must not be written in a recipe file")]
    [InlineData("oauthClientSecretFrom", "which is not set")]
    [InlineData("oauthTokenEndpoint", "full https address")]
    public async Task A_secret_in_the_file_a_missing_key_or_a_plain_http_endpoint_is_refused(string field, string problem)
    {
        var step = OAuthStep();
        switch (field)
        {
            case "oauthClientSecret":
                step["oauthClientSecret"] = Secret;
                break;
            case "oauthClientSecretFrom":
                step["oauthClientSecretFrom"] = "Mail:Nowhere";
                break;
            default:
                step["oauthTokenEndpoint"] = "http://login.example.org/token";
                break;
        }

        var error = await Assert.ThrowsAsync<RecipeException>(() => Executor.ApplyAsync("essexish.recipe.json", Recipe("essexish", step)));

        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public async Task A_user_name_without_a_sign_in_choice_still_means_a_password()
    {
        await Executor.ApplyAsync("herts.recipe.json", Recipe("herts", new JsonObject
        {
            ["transport"] = "Smtp",
            ["host"] = "smtp.herts.example",
            ["userName"] = "herts-mailer",
            ["password"] = "relay-password",
        }));

        var settings = await factory.WithBoardAsync("herts", db => db.Set<BoardMailSettings>().AsNoTracking().SingleAsync());
        Assert.Equal(SmtpAuthentication.Password, settings.Authentication);
        Assert.NotNull(settings.ProtectedPassword);
    }

    public sealed class SecretFactory : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Mail:Suffolk:ClientSecret"] = Secret,
        };
    }
}
