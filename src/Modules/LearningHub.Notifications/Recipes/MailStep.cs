using System.Net.Mail;
using LearningHub.Core.Recipes;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Notifications.Recipes;

/// <summary>
/// <c>{ "step": "mail", "transport": "Smtp", "host": "smtp.example.org", "port": 587, "security": "StartTls",
/// "userName": "...", "password": "...", "fromAddress": "...", "fromName": "..." }</c>: how the board's
/// mail leaves. <c>"transport": "PickupFolder"</c> (the default) writes <c>.eml</c> files instead.
/// A password left out keeps the one already set (put secrets in through the admin page, not a file).
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

        if (step.OptionalString("password", 500) is { } password)
        {
            settings.ProtectedPassword = context.Services.GetRequiredService<MailTransports>().ProtectPassword(password);
        }
    }
}
