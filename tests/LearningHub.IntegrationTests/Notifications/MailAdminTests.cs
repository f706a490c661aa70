using System.Net;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Notifications;

public sealed class MailAdminTests(MailAdminTests.QueueOnlyFactory factory) : IClassFixture<MailAdminTests.QueueOnlyFactory>
{
    private async Task<Guid> FailedMessageAsync(string board, string to)
    {
        return await factory.WithBoardAsync(board, async db =>
        {
            var message = new OutboxMessage
            {
                DedupeKey = $"failed:{Guid.NewGuid()}",
                Category = "tests",
                ToAddress = to,
                ToName = "Failed Person",
                Subject = "Could not go",
                TextBody = "T",
                HtmlBody = "<p>H</p>",
                Status = OutboxStatus.Failed,
                Attempts = 8,
                LastError = "SmtpException: Mailbox unavailable",
                NextAttemptUtc = DateTime.UtcNow,
                CreatedUtc = DateTime.UtcNow,
            };
            db.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
    }

    [Fact]
    public async Task Board_admin_sees_recent_mail_with_status_and_error_and_others_cannot()
    {
        await FailedMessageAsync("norfolk", "failed.person@school.example");
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var page = await admin.GetDocumentAsync("/norfolk/admin/mail");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("failed.person@school.example"));
        Assert.Contains("Failed", row.QuerySelector(".govuk-tag")!.TextContent);
        Assert.Contains("Mailbox unavailable", row.TextContent);
        Assert.NotNull(row.QuerySelector("button"));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/norfolk/admin/mail")).StatusCode);
    }

    [Fact]
    public async Task A_failed_message_can_be_sent_again_but_not_another_boards()
    {
        var norfolkMessage = await FailedMessageAsync("norfolk", "again@school.example");
        var essexMessage = await FailedMessageAsync("essex", "essex.person@school.example");
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");

        var refused = await admin.SubmitFormAsync("/norfolk/admin/mail", new Dictionary<string, string> { ["id"] = essexMessage.ToString() }, "/norfolk/admin/mail?handler=Resend");
        var resent = await admin.SubmitFormAsync("/norfolk/admin/mail", new Dictionary<string, string> { ["id"] = norfolkMessage.ToString() }, "/norfolk/admin/mail?handler=Resend");

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var norfolk = await factory.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == norfolkMessage));
        Assert.Equal(OutboxStatus.Pending, norfolk.Status);
        Assert.Equal(0, norfolk.Attempts);
        var essex = await factory.WithBoardAsync("essex", db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == essexMessage));
        Assert.Equal(OutboxStatus.Failed, essex.Status);
    }

    [Fact]
    public async Task Mail_settings_keep_the_password_secret_and_say_what_to_fix()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");

        var missingHost = await admin.SubmitFormAsync("/essex/admin/mail/settings", new Dictionary<string, string>
        {
            ["Input.Transport"] = "Smtp",
            ["Input.Host"] = "",
            ["Input.Port"] = "587",
            ["Input.Security"] = "StartTls",
            ["Input.Authentication"] = "Password",
            ["Input.UserName"] = "escb-mailer",
            ["Input.Password"] = "s3cret-smtp-password",
        });
        var errorPage = await missingHost.ParseAsync();
        Assert.Equal("#Input_Host", errorPage.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Null(errorPage.QuerySelector("#Input_Password")!.GetAttribute("value"));

        var saved = await admin.SubmitFormAsync("/essex/admin/mail/settings", new Dictionary<string, string>
        {
            ["Input.Transport"] = "Smtp",
            ["Input.Host"] = "smtp.essex.example",
            ["Input.Port"] = "587",
            ["Input.Security"] = "StartTls",
            ["Input.Authentication"] = "Password",
            ["Input.UserName"] = "escb-mailer",
            ["Input.Password"] = "s3cret-smtp-password",
            ["Input.FromAddress"] = "learning@essex.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await admin.GetDocumentAsync("/essex/admin/mail/settings");
        Assert.DoesNotContain("s3cret-smtp-password", page.DocumentElement.OuterHtml);
        Assert.Contains("A password is set", page.QuerySelector("#Input_Password-hint")!.TextContent);
        Assert.Equal("smtp.essex.example", page.QuerySelector("#Input_Host")!.GetAttribute("value"));
        var stored = await factory.WithBoardAsync("essex", db => db.Set<BoardMailSettings>().AsNoTracking().SingleAsync());
        Assert.NotNull(stored.ProtectedPassword);
        Assert.DoesNotContain("s3cret", stored.ProtectedPassword);

        // Saving again without a password keeps the one set.
        await admin.SubmitFormAsync("/essex/admin/mail/settings", new Dictionary<string, string>
        {
            ["Input.Transport"] = "Smtp",
            ["Input.Host"] = "smtp.essex.example",
            ["Input.Port"] = "2525",
            ["Input.Security"] = "StartTls",
            ["Input.Authentication"] = "Password",
            ["Input.UserName"] = "escb-mailer",
            ["Input.Password"] = "",
        });
        var kept = await factory.WithBoardAsync("essex", db => db.Set<BoardMailSettings>().AsNoTracking().SingleAsync());
        Assert.Equal(stored.ProtectedPassword, kept.ProtectedPassword);
        Assert.Equal(2525, kept.Port);

        // Each save is audited with what the settings became, never the password; the refused save is not.
        var audited = await factory.WithBoardAsync("essex", db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "mail.settings.changed").OrderBy(e => e.OccurredUtc).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.Single(audited, e => e.ChangesJson!.Contains("\"Port\":587", StringComparison.Ordinal) && e.ChangesJson.Contains("\"signInReplaced\":true", StringComparison.Ordinal));
        Assert.Single(audited, e => e.ChangesJson!.Contains("\"Port\":2525", StringComparison.Ordinal) && e.ChangesJson.Contains("\"signInReplaced\":false", StringComparison.Ordinal));
        Assert.All(audited, e => Assert.DoesNotContain("s3cret", e.ChangesJson));
    }

    [Fact]
    public async Task OAuth_settings_keep_the_client_secret_secret_and_say_what_to_fix()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        Dictionary<string, string> Form(string endpoint, string secret) => new()
        {
            ["Input.Transport"] = "Smtp",
            ["Input.Host"] = "smtp.office365.com",
            ["Input.Port"] = "587",
            ["Input.Security"] = "StartTls",
            ["Input.Authentication"] = "OAuthClientCredentials",
            ["Input.UserName"] = "learning@norfolk.example",
            ["Input.OAuthTokenEndpoint"] = endpoint,
            ["Input.OAuthClientId"] = "3f1c0d2e-client",
            ["Input.OAuthClientSecret"] = secret,
            ["Input.OAuthScope"] = "https://outlook.office365.com/.default",
        };

        // Everything missing: each required field named in the summary, linked to its field.
        var empty = await (await admin.SubmitFormAsync("/norfolk/admin/mail/settings", new Dictionary<string, string>
        {
            ["Input.Transport"] = "Smtp",
            ["Input.Host"] = "smtp.office365.com",
            ["Input.Port"] = "587",
            ["Input.Security"] = "StartTls",
            ["Input.Authentication"] = "OAuthClientCredentials",
        })).ParseAsync();
        Assert.Equal(
            ["#Input_UserName", "#Input_OAuthTokenEndpoint", "#Input_OAuthClientId", "#Input_OAuthClientSecret", "#Input_OAuthScope"],
            empty.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href") ?? "").ToArray());

        // A token endpoint that would send the secret in clear over a network, and one that is not an address.
        foreach (var endpoint in new[] { "http://login.example.org/token", "login.microsoftonline.com/tenant/oauth2/v2.0/token" })
        {
            var refused = await (await admin.SubmitFormAsync("/norfolk/admin/mail/settings", Form(endpoint, "client-s3cret-value"))).ParseAsync();
            var error = Assert.Single(refused.QuerySelectorAll(".govuk-error-summary a"));
            Assert.Equal("#Input_OAuthTokenEndpoint", error.GetAttribute("href"));
            Assert.Contains("full https address", error.TextContent);
            Assert.DoesNotContain("client-s3cret-value", refused.DocumentElement.OuterHtml);
        }

        var saved = await admin.SubmitFormAsync("/norfolk/admin/mail/settings",
            Form("https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token", "client-s3cret-value"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.WithBoardAsync("norfolk", db => db.Set<BoardMailSettings>().AsNoTracking().SingleAsync());
        Assert.Equal(SmtpAuthentication.OAuthClientCredentials, stored.Authentication);
        Assert.Equal("learning@norfolk.example", stored.UserName);
        Assert.NotNull(stored.ProtectedOAuthClientSecret);
        Assert.DoesNotContain("client-s3cret", stored.ProtectedOAuthClientSecret);

        // Never shown back; the page says one is stored and can be replaced.
        var page = await admin.GetDocumentAsync("/norfolk/admin/mail/settings");
        Assert.DoesNotContain("client-s3cret-value", page.DocumentElement.OuterHtml);
        Assert.Null(page.QuerySelector("#Input_OAuthClientSecret")!.GetAttribute("value"));
        Assert.Contains("A client secret is stored", page.QuerySelector("#Input_OAuthClientSecret-hint")!.TextContent);
        Assert.Equal("3f1c0d2e-client", page.QuerySelector("#Input_OAuthClientId")!.GetAttribute("value"));

        // Saving without a secret keeps it; a loopback http endpoint (a local provider) is allowed.
        var kept = await admin.SubmitFormAsync("/norfolk/admin/mail/settings", Form("http://127.0.0.1:8080/token", ""));
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var after = await factory.WithBoardAsync("norfolk", db => db.Set<BoardMailSettings>().AsNoTracking().SingleAsync());
        Assert.Equal(stored.ProtectedOAuthClientSecret, after.ProtectedOAuthClientSecret);
        Assert.Equal("http://127.0.0.1:8080/token", after.OAuthTokenEndpoint);

        // Audited with the OAuth settings, never the secret.
        var audited = await factory.WithBoardAsync("norfolk", db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "mail.settings.changed").OrderBy(e => e.OccurredUtc).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.Contains("\"signIn\":\"OAuthClientCredentials\"", audited[0].ChangesJson);
        Assert.Contains("\"signInReplaced\":true", audited[0].ChangesJson);
        Assert.Contains("\"signInReplaced\":false", audited[1].ChangesJson);
        Assert.All(audited, e => Assert.DoesNotContain("s3cret", e.ChangesJson));

        // Choosing no sign-in removes the stored secret.
        await admin.SubmitFormAsync("/norfolk/admin/mail/settings", new Dictionary<string, string>
        {
            ["Input.Transport"] = "Smtp",
            ["Input.Host"] = "smtp.office365.com",
            ["Input.Port"] = "587",
            ["Input.Security"] = "StartTls",
            ["Input.Authentication"] = "None",
        });
        var cleared = await factory.WithBoardAsync("norfolk", db => db.Set<BoardMailSettings>().AsNoTracking().SingleAsync());
        Assert.Null(cleared.ProtectedOAuthClientSecret);
        Assert.Null(cleared.UserName);
    }

    /// <summary>No dispatcher: the messages these tests make stay as they are put.</summary>
    public sealed class QueueOnlyFactory : LearningHubFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Notifications:DispatcherEnabled"] = "false" };
    }
}
