using System.Text.RegularExpressions;
using LearningHub.E2E.Infrastructure;
using LearningHub.Notifications.Smtp;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningHub.E2E.Events;

/// <summary>
/// Acceptance 1: a coordinator schedules a session, a practitioner books it in Chromium, the confirmation
/// reaches a real SMTP server with a valid .ics invite and a QR code, the coordinator opens the QR link and
/// the register shows Attended; axe finds no WCAG 2.2 AA violation on any page of the journey. Runs on its
/// own site, because it points Norfolk's mail at its own SMTP server.
/// </summary>
public sealed partial class EventBookingJourneyTests : IAsyncLifetime
{
    private readonly SiteFixture _site = new();
    private readonly AiosmtpdServer _smtp = new();

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        await _site.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_practitioner_books_gets_the_invite_and_QR_code_by_mail_and_the_coordinator_checks_them_in()
    {
        await using (var admin = await _site.OpenSessionAsync())
        {
            await admin.Page.SignInAsDemoAsync("norfolk", "admin@norfolk.demo");
            await admin.Page.GotoAsync("/norfolk/admin/mail/settings");
            await admin.Page.SelectOptionAsync("#Input_Transport", "Smtp");
            await admin.Page.FillAsync("#Input_Host", "127.0.0.1");
            await admin.Page.FillAsync("#Input_Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await admin.Page.SelectOptionAsync("#Input_Security", "None");
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save mail settings" }).ClickAsync();
            await Expect(admin.Page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        }

        await using var coordinator = await _site.OpenSessionAsync();
        var c = coordinator.Page;
        await c.SignInAsDemoAsync("norfolk", "coordinator@norfolk.demo");
        await c.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Manage events" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(c);
        await c.GetByRole(AriaRole.Link, new() { Name = "Create an event" }).ClickAsync();
        await c.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await Expect(c.Locator(".govuk-error-summary a[href='#Input_Title']")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(c);
        await c.FillAsync("#Input_Title", "Learning from Case Y: Norwich session");
        await c.FillAsync("#Input_Summary", "What the review of Case Y found about professional curiosity.");
        await c.SelectOptionAsync("#Input_Format", "InPerson");
        await c.FillAsync("#Input_Venue", "County Hall, Martineau Lane, Norwich NR1 2DH");
        var date = DateTime.UtcNow.AddDays(14);
        await c.FillAsync("[name='Input.Date.Day']", $"{date.Day}");
        await c.FillAsync("[name='Input.Date.Month']", $"{date.Month}");
        await c.FillAsync("[name='Input.Date.Year']", $"{date.Year}");
        await c.FillAsync("[name='Input.StartTime.Hour']", "09");
        await c.FillAsync("[name='Input.StartTime.Minute']", "30");
        await c.FillAsync("[name='Input.EndTime.Hour']", "12");
        await c.FillAsync("[name='Input.EndTime.Minute']", "30");
        await c.FillAsync("#Input_Capacity", "20");
        await c.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await c.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(c.Locator(".govuk-notification-banner")).ToContainTextAsync("published");
        await Accessibility.AssertNoViolationsAsync(c);
        var manageUrl = new Uri(c.Url).AbsolutePath;

        await using var practitioner = await _site.OpenSessionAsync();
        var p = practitioner.Page;
        await p.SignInAsDemoAsync("norfolk", "practitioner@norfolk.demo");
        await p.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Events", Exact = true }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(p);
        await p.GetByRole(AriaRole.Link, new() { Name = "Learning from Case Y: Norwich session" }).ClickAsync();
        await Expect(p.Locator("#places-left")).ToHaveTextAsync("20 places left");
        await Expect(p.GetByText("Sent to you when your place is confirmed")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(p);
        await p.GetByRole(AriaRole.Link, new() { Name = "Book a place" }).ClickAsync();
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Check your booking" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(p);
        await p.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = "Booking confirmed" })).ToBeVisibleAsync();
        var reference = (await p.Locator("#booking-reference").TextContentAsync())!.Trim();
        Assert.Matches("^NSCB-[2-9A-Z]{5}$", reference);
        await Accessibility.AssertNoViolationsAsync(p);
        await p.GetByRole(AriaRole.Link, new() { Name = "See all your bookings" }).ClickAsync();
        await Expect(p.GetByRole(AriaRole.Link, new() { Name = reference })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(p);
        await p.GotoAsync($"/norfolk/events");
        await p.GetByRole(AriaRole.Link, new() { Name = "Learning from Case Y: Norwich session" }).ClickAsync();
        await Expect(p.GetByText("County Hall, Martineau Lane")).ToBeVisibleAsync();
        practitioner.AssertNoBrowserErrors();

        var mail = await _smtp.MessageAsync("practitioner@norfolk.demo", reference);
        Assert.Contains("is confirmed", mail.Headers["Subject"]);
        Assert.Contains("County Hall", mail.TextBody);
        // The QR code arrives as an inline picture the HTML names by its Content-ID (Gmail and Outlook do not show data: images).
        Assert.Contains($"<img src=\"{MailQrCode.ImageSource}\" alt=\"Check-in QR code", System.Net.WebUtility.HtmlDecode(mail.HtmlBody!));
        var qrCode = Assert.Single(mail.Message.BodyParts.OfType<MimeKit.MimePart>(), p => p.ContentId == MailQrCode.ContentId);
        Assert.Equal("image/png", qrCode.ContentType.MimeType);
        var invite = Assert.Single(mail.Attachments, a => a.MediaType == "text/calendar");
        var calendar = Ical.Net.Calendar.Load(invite.Content);
        Assert.NotNull(calendar);
        Assert.Equal("REQUEST", calendar.Method);
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal($"booking-{reference}@learninghub", vevent.Uid);
        Assert.Equal(0, vevent.Sequence);
        Assert.True(vevent.DtStart!.IsUtc && vevent.DtEnd!.IsUtc, "times are written in UTC");
        Assert.Equal(TimeSpan.FromHours(3), vevent.DtEnd.AsUtc - vevent.DtStart.AsUtc);

        var checkIn = new Uri(CheckInLink().Match(mail.TextBody!).Value).PathAndQuery;
        await c.GotoAsync(checkIn);
        var checkInButton = c.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Check in ") });
        await Expect(checkInButton).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(c);
        await checkInButton.ClickAsync();
        await Expect(c.GetByRole(AriaRole.Heading, new() { Name = "Checked in" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(c);
        await c.GotoAsync(checkIn);
        await Expect(c.GetByRole(AriaRole.Heading, new() { Name = "Already checked in" })).ToBeVisibleAsync();
        await c.GetByRole(AriaRole.Link, new() { Name = "Open the register" }).ClickAsync();
        await Expect(c.Locator($"tr[data-reference='{reference}'] .attendance")).ToContainTextAsync("Attended");
        await Accessibility.AssertNoViolationsAsync(c);
        await c.GotoAsync(manageUrl);
        await Expect(c.Locator("#places")).ToContainTextAsync(reference);
        coordinator.AssertNoBrowserErrors();
    }

    [GeneratedRegex(@"https?://\S+/events/check-in/\S+")]
    private static partial Regex CheckInLink();
}
