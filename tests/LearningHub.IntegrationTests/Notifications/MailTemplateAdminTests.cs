using System.Net;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Notifications;

public sealed class MailTemplateAdminTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private const string Url = "/essex/admin/mail/templates/accounts.reset-password";

    private static Dictionary<string, string> Form(string subject, string text, string html) => new()
    {
        ["Input.Subject"] = subject,
        ["Input.TextBody"] = text,
        ["Input.HtmlBody"] = html,
    };

    private async Task<HttpClient> AdminAsync()
    {
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");
        return admin;
    }

    [Fact]
    public async Task An_unknown_placeholder_is_refused_when_saving_with_a_message_naming_it()
    {
        var admin = await AdminAsync();
        var text = DefaultMailTemplates.ResetPassword.TextBody.Replace("{{ link }}", "{{ lnk }}", StringComparison.Ordinal);

        var response = await admin.SubmitFormAsync(Url, Form("Reset {{ booking.reference }}", text, DefaultMailTemplates.ResetPassword.HtmlBody), Url + "?handler=Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var errors = page.QuerySelectorAll(".govuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(errors, e => e.Item1 == "#Input_Subject" && e.TextContent.Contains("{{ booking.reference }} is not a placeholder", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == "#Input_TextBody" && e.TextContent.Contains("Did you mean {{ link }}", StringComparison.Ordinal));
        Assert.Equal("Reset {{ booking.reference }}", page.QuerySelector("#Input_Subject")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithBoardAsync("essex", db => db.Set<BoardMailTemplate>().CountAsync()));
    }

    [Fact]
    public async Task The_preview_shows_the_mail_filled_in_for_the_board()
    {
        var admin = await AdminAsync();

        var response = await admin.SubmitFormAsync(Url, Form("{{ board.shortName }}: new password for {{ recipient.name }}",
            DefaultMailTemplates.ResetPassword.TextBody, DefaultMailTemplates.ResetPassword.HtmlBody), Url + "?handler=Preview");

        var page = await response.ParseAsync();
        var preview = page.QuerySelector("#preview")!;
        Assert.Contains("ESCB: new password for Sam Example", preview.TextContent);
        Assert.Contains("Essex Safeguarding Children Board", preview.QuerySelector("pre")!.TextContent);
        var html = preview.QuerySelector("#preview-html")!;
        Assert.Contains("<a href=\"mailto:escb@essex.example\">", html.TextContent, StringComparison.Ordinal);
        Assert.Empty(preview.QuerySelectorAll("#preview-html a")); // shown as markup, never rendered
    }

    [Fact]
    public async Task A_saved_template_words_the_boards_mail_and_can_go_back_to_the_default()
    {
        var admin = await AdminAsync();
        var saved = await admin.SubmitFormAsync(Url, Form("{{ board.shortName }} LearningHub: choose a new password",
            DefaultMailTemplates.ResetPassword.TextBody, DefaultMailTemplates.ResetPassword.HtmlBody), Url + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await admin.GetDocumentAsync("/essex/admin/mail/templates");
        Assert.Contains("Changed", list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("reset", StringComparison.OrdinalIgnoreCase)).TextContent);

        await factory.CreateBrowserClient().SubmitFormAsync("/essex/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "author@essex.demo" });
        var mail = await Pickup.LatestMessageToAsync(factory.PickupFolder("essex"), "author@essex.demo");
        Assert.Contains("ESCB LearningHub: choose a new password", mail);

        var restored = await admin.SubmitFormAsync(Url, Form("x", "x", "x"), Url + "?handler=Restore");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(0, await factory.WithBoardAsync("essex", db => db.Set<BoardMailTemplate>().CountAsync()));

        // Both are in the audit log, naming the template.
        var audited = await factory.WithBoardAsync("essex", db => db.AuditEntries.AsNoTracking()
            .Where(e => e.TargetType == "MailTemplate" && e.TargetId == DefaultMailTemplates.ResetPassword.Key).Select(e => e.Action).ToListAsync());
        Assert.Contains("mail.template.changed", audited);
        Assert.Contains("mail.template.restored", audited);
    }

    [Fact]
    public async Task Only_board_admins_edit_templates_and_unknown_templates_are_404()
    {
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("essex", "coordinator@essex.demo");
        var admin = await AdminAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/essex/admin/mail/templates/no.such-template")).StatusCode);
        var page = await admin.GetDocumentAsync(Url);
        Assert.Contains("{{ link }}", page.QuerySelector("dl")!.TextContent);
    }
}
