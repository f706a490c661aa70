using System.Net;
using System.Text.RegularExpressions;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Smtp;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// Acceptance 4 (manager approval through signed links that need no account) and 5 (bad input gives a
/// clear page, never a 500), through the real pages.
/// </summary>
public sealed partial class ApprovalAndBadInputTests : IClassFixture<EventsFactory>
{
    private const string Practitioner = "practitioner@norfolk.demo";
    private const string Manager = "manager@school.example";
    private readonly EventsFactory _factory;

    public ApprovalAndBadInputTests(EventsFactory factory) => _factory = factory;

    private DateTime Now => _factory.Clock.GetUtcNow().UtcDateTime;

    private async Task<(HttpClient Client, string Reference)> BookThroughPagesAsync(Guid eventId, string? lineManager = Manager)
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", Practitioner);
        if (lineManager is not null)
        {
            var questions = await client.SubmitFormAsync($"/norfolk/events/{eventId}/book", new Dictionary<string, string>
            {
                ["Input.LineManagerEmail"] = lineManager,
            });
            Assert.Equal(HttpStatusCode.Redirect, questions.StatusCode);
        }

        var confirmed = await client.SubmitFormAsync($"/norfolk/events/{eventId}/book/check", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var reference = confirmed.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];
        return (client, reference);
    }

    private async Task<(string Approve, string Decline)> ApprovalLinksAsync(string reference)
    {
        var booking = await _factory.BookingAsync("norfolk", reference);
        var mail = Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.ApprovalRequest.Key, Manager),
            m => m.TextBody.Contains(booking.FullName, StringComparison.Ordinal) && m.DedupeKey.Contains(booking.Id.ToString(), StringComparison.Ordinal));
        var links = ApprovalLink().Matches(mail.TextBody).Select(m => new Uri(m.Value).PathAndQuery).ToList();
        Assert.Equal(2, links.Count);
        return (links[0], links[1]);
    }

    [Fact]
    public async Task The_approve_link_confirms_the_held_place_once_and_a_reused_or_tampered_link_is_refused()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 1, d => d with { RequiresApproval = true }, now: Now);
        var (client, reference) = await BookThroughPagesAsync(eventId);
        var pending = await _factory.BookingAsync("norfolk", reference);
        Assert.Equal(BookingStatus.PendingApproval, pending.Status);
        // The place is held: the next person queues.
        Assert.Equal(BookingOutcome.Waitlisted, (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(401))).Outcome);

        var (approve, _) = await ApprovalLinksAsync(reference);
        var manager = _factory.CreateBrowserClient(); // no account, no sign-in
        var question = await manager.GetDocumentAsync(approve);
        Assert.Contains("Approve", question.QuerySelector("h1")!.TextContent);
        var decided = await manager.SubmitFormAsync(approve, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Contains("place is confirmed", (await decided.ParseAsync()).QuerySelector("#outcome")!.TextContent);
        Assert.Equal(BookingStatus.Confirmed, (await _factory.BookingAsync("norfolk", reference)).Status);
        Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.Confirmed.Key, Practitioner));

        var reused = await manager.GetDocumentAsync(approve, HttpStatusCode.BadRequest);
        Assert.Contains("already been used", reused.QuerySelector("#problem")!.TextContent);

        var tampered = approve[..^3] + (approve[^3] == 'A' ? "B" : "A") + approve[^2..];
        var refused = await manager.GetDocumentAsync(tampered, HttpStatusCode.BadRequest);
        Assert.Contains("not valid", refused.QuerySelector("#problem")!.TextContent);

        // Cancel so the next test's practitioner can book other events freely.
        await client.SubmitFormAsync($"/norfolk/events/bookings/{reference}/cancel", new Dictionary<string, string>());
    }

    [Fact]
    public async Task The_decline_link_releases_the_hold_and_tells_the_practitioner()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 1, d => d with { RequiresApproval = true, Title = "Decline test" }, now: Now);
        var (_, reference) = await BookThroughPagesAsync(eventId);
        var (_, decline) = await ApprovalLinksAsync(reference);

        var manager = _factory.CreateBrowserClient();
        var decided = await manager.SubmitFormAsync(decline, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(BookingStatus.Declined, (await _factory.BookingAsync("norfolk", reference)).Status);
        Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.ApprovalDeclined.Key, Practitioner), m => m.Subject.Contains("Decline test", StringComparison.Ordinal));
        // The place is free again.
        Assert.Equal(BookingOutcome.PendingApproval, (await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(402), Manager)).Outcome);
    }

    [Fact]
    public async Task An_approval_link_expires_with_the_hold()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 1, d => d with { RequiresApproval = true, Title = "Expiry test" }, now: Now, startsIn: TimeSpan.FromDays(30));
        var (_, reference) = await BookThroughPagesAsync(eventId);
        var (approve, _) = await ApprovalLinksAsync(reference);

        _factory.Clock.Advance(TimeSpan.FromDays(4));

        var manager = _factory.CreateBrowserClient();
        var expired = await manager.GetDocumentAsync(approve, HttpStatusCode.BadRequest);
        Assert.Contains("expired", expired.QuerySelector("#problem")!.TextContent);
    }

    [Fact]
    public async Task An_event_that_starts_asking_for_approval_after_the_questions_were_answered_sends_the_practitioner_back_for_their_line_manager()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 5, d => d with { BookingQuestion = "Any access needs?", Title = "Approval added later" }, now: Now);
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", Practitioner);
        var questions = await client.SubmitFormAsync($"/norfolk/events/{eventId}/book", new Dictionary<string, string> { ["Input.Answer"] = "None" });
        Assert.Equal(HttpStatusCode.Redirect, questions.StatusCode);
        var check = await client.GetDocumentAsync($"/norfolk/events/{eventId}/book/check");
        var token = check.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await _factory.WithBoardAsync("norfolk", async db =>
        {
            var ev = await db.Set<LearningEvent>().SingleAsync(e => e.Id == eventId);
            ev.RequiresApproval = true;
            return await db.SaveChangesAsync();
        });

        var response = await client.PostAsync($"/norfolk/events/{eventId}/book/check",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/norfolk/events/{eventId}/book", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await _factory.WithBoardAsync("norfolk", db => db.Set<Booking>().AnyAsync(b => b.EventId == eventId)));
    }

    [Fact]
    public async Task The_bookers_own_address_is_refused_as_their_line_manager_and_nothing_is_booked()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 5, d => d with { RequiresApproval = true, Title = "Own manager" }, now: Now);
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", Practitioner);

        // Their own account address, typed in another case and with spaces around it.
        var refused = await client.SubmitFormAsync($"/norfolk/events/{eventId}/book", new Dictionary<string, string>
        {
            ["Input.LineManagerEmail"] = "  " + Practitioner.ToUpperInvariant() + " ",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains(EventText.LineManagerIsYou, page.QuerySelector(".govuk-error-summary a[href='#Input_LineManagerEmail']")!.TextContent);
        Assert.Equal("  " + Practitioner.ToUpperInvariant() + " ", page.QuerySelector("#Input_LineManagerEmail")!.GetAttribute("value"));
        // The booking service refuses it too, whatever the page let through.
        var booker = EventsTestData.Person(471);
        var direct = await _factory.BookAsync("norfolk", eventId, booker, lineManager: booker.Email.ToUpperInvariant());
        Assert.Equal(BookingOutcome.Refused, direct.Outcome);
        Assert.Equal(BookingRefusal.OwnLineManager, direct.Refusal);
        Assert.False(await _factory.WithBoardAsync("norfolk", db => db.Set<Booking>().AnyAsync(b => b.EventId == eventId)));
    }

    [Fact]
    public async Task An_approval_link_opened_by_the_booker_is_refused_with_a_clear_page()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 1, d => d with { RequiresApproval = true, Title = "Self approval" }, now: Now);
        var (booker, reference) = await BookThroughPagesAsync(eventId);
        var (approve, _) = await ApprovalLinksAsync(reference);

        var shown = await booker.GetDocumentAsync(approve, HttpStatusCode.Forbidden);
        Assert.Contains("your own booking", shown.QuerySelector("#problem")!.TextContent);
        Assert.Empty(shown.QuerySelectorAll("main form"));
        // Posting the decision anyway (with a valid token of theirs from another page) decides nothing.
        var token = (await booker.GetDocumentAsync($"/norfolk/events/bookings/{reference}/cancel"))
            .QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await booker.PostAsync(approve, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(BookingStatus.PendingApproval, (await _factory.BookingAsync("norfolk", reference)).Status);

        // The line manager can still use it.
        var decided = await _factory.CreateBrowserClient().SubmitFormAsync(approve, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, (await _factory.BookingAsync("norfolk", reference)).Status);
        await booker.SubmitFormAsync($"/norfolk/events/bookings/{reference}/cancel", new Dictionary<string, string>());
    }

    [Fact]
    public async Task A_held_place_is_never_made_without_a_line_manager_to_ask()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 5, d => d with { RequiresApproval = true, Title = "No manager given" }, now: Now);

        var result = await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(451), lineManager: null);

        Assert.Equal(BookingOutcome.Refused, result.Outcome);
        Assert.Equal(BookingRefusal.LineManagerNeeded, result.Refusal);
        Assert.Contains("line manager", EventText.Refusal(BookingRefusal.LineManagerNeeded), StringComparison.Ordinal);
        Assert.False(await _factory.WithBoardAsync("norfolk", db => db.Set<Booking>().AnyAsync(b => b.EventId == eventId)));
    }

    [Fact]
    public async Task Booking_after_the_window_closed_gives_a_clear_page()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 10, d => d with { BookingClosesUtc = Now.AddHours(1), Title = "Closing soon" }, now: Now);
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", Practitioner);
        var page = await client.GetDocumentAsync($"/norfolk/events/{eventId}/book/check");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        var response = await client.PostAsync($"/norfolk/events/{eventId}/book/check",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Booking for this event has closed", (await response.ParseAsync()).QuerySelector("#problem")!.TextContent);
        var details = await client.GetDocumentAsync($"/norfolk/events/{eventId}");
        Assert.Contains("closed", details.QuerySelector("#booking-unavailable")!.TextContent);
    }

    [Fact]
    public async Task Cancelling_after_the_cut_off_gives_a_clear_page_and_keeps_the_place()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 10, d => d with { CancellationCutoffUtc = Now.AddHours(1), Title = "Cut-off test" }, now: Now);
        var (client, reference) = await BookThroughPagesAsync(eventId, lineManager: null);
        var form = await client.GetDocumentAsync($"/norfolk/events/bookings/{reference}/cancel");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        var response = await client.PostAsync($"/norfolk/events/bookings/{reference}/cancel",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("too late to cancel", (await response.ParseAsync()).QuerySelector("#problem")!.TextContent);
        Assert.Equal(BookingStatus.Confirmed, (await _factory.BookingAsync("norfolk", reference)).Status);
    }

    [Fact]
    public async Task A_full_event_without_a_waiting_list_gives_a_clear_page()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 1, d => d with { WaitingListEnabled = false, Title = "No list" }, now: Now);
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", Practitioner);
        var page = await client.GetDocumentAsync($"/norfolk/events/{eventId}/book/check");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await _factory.BookAsync("norfolk", eventId, EventsTestData.Person(501));

        var response = await client.PostAsync($"/norfolk/events/{eventId}/book/check",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("full and has no waiting list", (await response.ParseAsync()).QuerySelector("#problem")!.TextContent);
    }

    [Fact]
    public async Task A_scanned_QR_code_shows_the_person_and_checks_in_only_on_the_button_and_a_second_scan_says_already_checked_in()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Check-in test" }, now: Now);
        var (_, reference) = await BookThroughPagesAsync(eventId, lineManager: null);
        var confirmation = Assert.Single(await _factory.MailsAsync("norfolk", EventMailTemplates.Confirmed.Key, Practitioner), m => m.Subject.Contains(reference, StringComparison.Ordinal));
        // The QR code is drawn when the mail is sent (MailMessageBuilderTests): the queued mail names the image and
        // keeps the link it shows, the same as the text body's.
        Assert.Contains($"<img src=\"{MailQrCode.ImageSource}\"", System.Net.WebUtility.HtmlDecode(confirmation.HtmlBody));
        Assert.Equal(CheckInLink().Match(confirmation.TextBody).Value, confirmation.QrCodeLink);
        var checkIn = new Uri(CheckInLink().Match(confirmation.TextBody).Value).PathAndQuery;
        await _factory.GrantEventsManageAsync("norfolk");
        var coordinator = _factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var tampered = await coordinator.GetDocumentAsync(checkIn[..^4] + "abcd", HttpStatusCode.BadRequest);
        Assert.Contains("not valid", tampered.QuerySelector("#outcome")!.TextContent);

        // Opening the link (what a scanner or a link checker does) changes nothing: it asks.
        var name = (await _factory.BookingAsync("norfolk", reference)).FullName;
        var scanned = await coordinator.GetDocumentAsync(checkIn);
        Assert.Equal($"Check in {name}", scanned.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"Check in {name}", scanned.QuerySelector("main form button")!.TextContent.Trim());
        var unchanged = await _factory.BookingAsync("norfolk", reference);
        Assert.Null(unchanged.CheckedInUtc);
        Assert.Null(unchanged.Attendance);

        var first = await coordinator.SubmitFormAsync(checkIn, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Checked in", (await first.ParseAsync()).QuerySelector("h1")!.TextContent.Trim());
        var booking = await _factory.BookingAsync("norfolk", reference);
        Assert.Equal(AttendanceMark.Attended, booking.Attendance);
        Assert.Equal(AttendanceSource.QrCode, booking.AttendanceSource);

        var second = await coordinator.GetDocumentAsync(checkIn);
        Assert.Equal("Already checked in", second.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"checked in at {LearningHub.Core.Time.LondonTime.Time(booking.CheckedInUtc!.Value)}", second.QuerySelector("#outcome")!.TextContent);
        Assert.Empty(second.QuerySelectorAll("main form"));

        // A practitioner cannot check people in.
        var practitioner = _factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", Practitioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync(checkIn)).StatusCode);
    }

    [Fact]
    public async Task An_event_of_another_board_is_not_found()
    {
        var eventId = await _factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Norfolk only" }, now: Now);
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("essex", "practitioner@essex.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/essex/events/{eventId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/essex/events/{eventId}/book/check")).StatusCode);
        var result = await _factory.BookAsync("essex", eventId, EventsTestData.Person(601));
        Assert.Equal(BookingOutcome.NotFound, result.Outcome);
        Assert.Equal(0, await _factory.WithBoardAsync("norfolk", db => db.Set<Booking>().CountAsync(b => b.EventId == eventId)));
    }

    [GeneratedRegex(@"https?://\S+/events/approval/\S+")]
    private static partial Regex ApprovalLink();

    [GeneratedRegex(@"https?://\S+/events/check-in/\S+")]
    private static partial Regex CheckInLink();
}
