using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using LearningHub.Core.Privacy;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>The board administrator's retention page: defaults, validation with a GOV.UK error summary, the audited change, Run now.</summary>
public sealed class RetentionSettingsPageTests : IClassFixture<RetentionFactory>
{
    private const string Url = "/norfolk/admin/retention";
    private readonly RetentionFactory _factory;

    public RetentionSettingsPageTests(RetentionFactory factory) => _factory = factory;

    private static Dictionary<string, string> Valid(string attendanceAmount = "6", string attendanceUnit = "Years") => new()
    {
        ["Input.AttendanceAmount"] = attendanceAmount,
        ["Input.AttendanceUnit"] = attendanceUnit,
        ["Input.UnconfirmedAccountsAmount"] = "30",
        ["Input.UnconfirmedAccountsUnit"] = "Days",
        ["Input.MailBodiesAmount"] = "90",
        ["Input.MailBodiesUnit"] = "Days",
        ["Input.NamedAnswersAmount"] = "6",
        ["Input.NamedAnswersUnit"] = "Years",
    };

    [Fact]
    public async Task Shows_the_defaults_when_the_board_has_no_settings()
    {
        var admin = _factory.CreateBrowserClient();
        await admin.SignInAsync("essex", "admin@essex.demo");
        var page = await admin.GetDocumentAsync("/essex/admin/retention");
        Assert.Equal("6", ((IHtmlInputElement)page.QuerySelector("#Input_AttendanceAmount")!).Value);
        Assert.Equal("Years", ((IHtmlSelectElement)page.QuerySelector("#Input_AttendanceUnit")!).Value);
        Assert.Equal("30", ((IHtmlInputElement)page.QuerySelector("#Input_UnconfirmedAccountsAmount")!).Value);
        Assert.Equal("90", ((IHtmlInputElement)page.QuerySelector("#Input_MailBodiesAmount")!).Value);
        Assert.Equal("Days", ((IHtmlSelectElement)page.QuerySelector("#Input_MailBodiesUnit")!).Value);
        Assert.Equal("6", ((IHtmlInputElement)page.QuerySelector("#Input_NamedAnswersAmount")!).Value);
    }

    [Fact]
    public async Task Wrong_values_get_an_error_summary_linked_to_each_field_and_keep_what_was_typed()
    {
        var admin = _factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var fields = Valid("six");
        fields["Input.MailBodiesAmount"] = "5";          // below the 7-day minimum
        fields["Input.NamedAnswersAmount"] = "";
        fields["Input.UnconfirmedAccountsUnit"] = "Weeks"; // not a unit

        var changesBefore = await _factory.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "privacy.retention.changed"));
        var response = await admin.SubmitFormAsync(Url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var summary = page.QuerySelector(".govuk-error-summary")!;
        Assert.Contains("How long to keep attendance and booking details must be a whole number, like 6", summary.TextContent);
        Assert.Contains("Keep sent mail for at least 7 days and at most 2 years", summary.TextContent);
        Assert.Contains("Enter how long to keep named form answers", summary.TextContent);
        Assert.Contains("Select days, months or years for unconfirmed accounts", summary.TextContent);
        Assert.NotNull(summary.QuerySelector("a[href='#Input_AttendanceAmount']"));
        Assert.NotNull(summary.QuerySelector("a[href='#Input_MailBodiesAmount']"));
        Assert.NotNull(summary.QuerySelector("a[href='#Input_NamedAnswersAmount']"));
        Assert.NotNull(summary.QuerySelector("a[href='#Input_UnconfirmedAccountsUnit']"));
        Assert.Equal("six", ((IHtmlInputElement)page.QuerySelector("#Input_AttendanceAmount")!).Value);
        Assert.Equal("5", ((IHtmlInputElement)page.QuerySelector("#Input_MailBodiesAmount")!).Value);

        // Nothing saved, nothing audited.
        Assert.Equal(0, await _factory.DbAsync(db => db.Set<RetentionSettings>().CountAsync(r => r.MailBodiesAmount == 5)));
        Assert.Equal(changesBefore, await _factory.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "privacy.retention.changed")));
    }

    [Fact]
    public async Task A_change_is_saved_and_audited_with_what_changed_and_Run_now_applies_it()
    {
        var admin = _factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");

        var response = await admin.SubmitFormAsync(Url, Valid("7"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _factory.DbAsync(db => db.Set<RetentionSettings>().AsNoTracking().SingleAsync());
        Assert.Equal(new RetentionPeriod(7, RetentionUnit.Years), saved.Attendance);
        Assert.Equal(new RetentionPeriod(90, RetentionUnit.Days), saved.MailBodies);
        var entry = await _factory.DbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "privacy.retention.changed"));
        using (var json = JsonDocument.Parse(entry.ChangesJson!))
        {
            Assert.Equal("6 years", json.RootElement.GetProperty("before").GetProperty("attendance").GetString());
            Assert.Equal("7 years", json.RootElement.GetProperty("after").GetProperty("attendance").GetString());
            Assert.False(json.RootElement.GetProperty("after").TryGetProperty("mailBodies", out _)); // only what changed
        }

        Assert.NotEqual("System", entry.ActorName);
        var page = await admin.GetDocumentAsync(Url);
        Assert.Contains("Retention settings saved", page.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal("7", ((IHtmlInputElement)page.QuerySelector("#Input_AttendanceAmount")!).Value);

        // Run now: the same work and the same audit entry as the daily job, by the administrator, shown on the page.
        var run = await admin.SubmitFormAsync(Url, new Dictionary<string, string>(), Url + "?handler=Run");
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var applied = Assert.Single(await _factory.RetentionEntriesAsync("norfolk"));
        Assert.Equal("manual", applied.Trigger());
        Assert.Equal(entry.ActorName, applied.ActorName);
        using (var json = JsonDocument.Parse(applied.ChangesJson!))
        {
            Assert.Equal("7 years", json.RootElement.GetProperty("settings").GetProperty("attendance").GetString());
        }

        page = await admin.GetDocumentAsync(Url);
        Assert.Contains("Bookings anonymised", page.QuerySelector("#last-counts")!.TextContent);
    }

    [Fact]
    public async Task A_practitioner_cannot_open_the_page()
    {
        var practitioner = _factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var response = await practitioner.GetAsync(Url);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
