using System.Net.Mail;
using LearningHub.Core.Recipes;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Notifications.Recipes;

/// <summary>
/// <c>{ "step": "mail", "transport": "Smtp", "host": "smtp.example.org", "port": 587, "security": "StartTls",
/// "userName": "...", "password": "...", "fromAddress": "...", "fromName": "..." }</c>: how the board's
/// mail leaves. <c>"transport": "PickupFolder"</c> (the default) writes <c>.eml</c> files instead.
/// A password left out keeps the one already set (put secrets in through the admin page, not a file).
/// <para>
/// OAuth 2.0: <c>"authentication": "OAuthClientCredentials"</c> with <c>userName</c> (the mailbox),
/// <c>oauthTokenEndpoint</c>, <c>oauthClientId</c>, <c>oauthScope</c> and <c>oauthClientSecretFrom</c>:
/// the name of a configuration key (an environment variable such as <c>Mail__Norfolk__ClientSecret</c>
/// is the key <c>Mail:Norfolk:ClientSecret</c>) holding the secret, which is never written in the file.
/// Without <c>authentication</c>, a user name means password sign-in, as before.
/// </para>
/// </summary>
public sealed class MailStep : IRecipeStepHandler
{
    public string StepName => "mail";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var settings = await context.Db.Set<BoardMailSettings>().SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new BoardMailSettings();
            context.Db.Add(settings);
        }

        settings.Transport = step.Has("transport") ? step.Enum<MailTransportKind>("transport") : MailTransportKind.PickupFolder;
        settings.Host = step.OptionalString("host", 255);
        settings.Port = step.OptionalInt("port", 1, 65535) ?? 587;
        settings.Security = step.Has("security") ? step.Enum<SmtpSecurity>("security") : SmtpSecurity.StartTls;
        settings.UserName = step.OptionalString("userName", 256);
        settings.FromAddress = step.OptionalString("fromAddress", 256);
        settings.FromName = step.OptionalString("fromName", 200);
        if (settings.Transport == MailTransportKind.Smtp && settings.Host is null)
        {
            throw step.Fail("host", "is required when the transport is Smtp.");
        }

        if (settings.FromAddress is not null && !MailAddress.TryCreate(settings.FromAddress, out _))
        {
            throw step.Fail("fromAddress", $"'{settings.FromAddress}' is not an email address.");
        }

        settings.SignInWith(step.Has("authentication")
            ? step.Enum<SmtpAuthentication>("authentication")
            : settings.UserName is null ? SmtpAuthentication.None : SmtpAuthentication.Password);
        var transports = context.Services.GetRequiredService<MailTransports>();
        if (settings.Authentication == SmtpAuthentication.Password && step.OptionalString("password", 500) is { } password)
        {
            settings.ProtectedPassword = transports.ProtectPassword(password);
        }

        if (settings.Authentication == SmtpAuthentication.OAuthClientCredentials)
        {
            OAuth(step, settings, transports, context.Services.GetRequiredService<IConfiguration>());
        }
    }

    private static void OAuth(RecipeElement step, BoardMailSettings settings, MailTransports transports, IConfiguration configuration)
    {
        if (step.Has("oauthClientSecret"))
        {
            throw step.Fail("oauthClientSecret", "must not be written in a recipe file: name the configuration key that holds it with 'oauthClientSecretFrom'.");
        }

        if (settings.UserName is null)
        {
            throw step.Fail("userName", "is required with OAuth 2.0: the mailbox to send as.");
        }

        settings.OAuthTokenEndpoint = step.OptionalString("oauthTokenEndpoint", 500);
        if (settings.OAuthTokenEndpoint is null || !MailSettingsRules.IsTokenEndpoint(settings.OAuthTokenEndpoint))
        {
            throw step.Fail("oauthTokenEndpoint", "is required with OAuth 2.0 and must be a full https address (http only to this machine).");
        }

        settings.OAuthClientId = step.OptionalString("oauthClientId", 256) ?? throw step.Fail("oauthClientId", "is required with OAuth 2.0.");
        settings.OAuthScope = step.OptionalString("oauthScope", 500) ?? throw step.Fail("oauthScope", "is required with OAuth 2.0, for Microsoft 365 'https://outlook.office365.com/.default'.");
        if (step.OptionalString("oauthClientSecretFrom", 200) is { } key)
        {
            var secret = configuration[key];
            if (string.IsNullOrEmpty(secret))
            {
                throw step.Fail("oauthClientSecretFrom", $"names the configuration key '{key}', which is not set.");
            }

            settings.ProtectedOAuthClientSecret = transports.ProtectClientSecret(secret);
        }
        else if (settings.ProtectedOAuthClientSecret is null)
        {
            throw step.Fail("oauthClientSecretFrom", "is required with OAuth 2.0 until a client secret is stored: the configuration key that holds it.");
        }
    }
}
