using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// The baseline asked on booking (confirmation page and mail link to the form in the event's context, so before,
/// after and later compare for the event), and attendance credited to linked case modules when the event says so.
/// </summary>
public sealed class EventFormsTests(EventFormsTests.CreditFactory factory) : IClassFixture<EventFormsTests.CreditFactory>
{
    private const string Baseline = "forms-test-baseline";
    private const string Evaluation = "forms-test-evaluation";

    [Fact]
    public async Task A_confirmed_booking_asks_the_baseline_and_its_answers_compare_with_the_evaluation_of_the_same_event()
    {
        await factory.CreateFormAsync("norfolk", Baseline, FormPurpose.EventBaseline, false, Q(QuestionType.Scale, "How confident are you?", "confidence-test"));
        await factory.CreateFormAsync("norfolk", Evaluation, FormPurpose.EventEvaluation, false, Q(QuestionType.Scale, "How confident are you now?", "confidence-test"));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { BaselineFormKey = Baseline, EvaluationFormKey = Evaluation }, now: now);
        var context = $"event:{eventId}";
        var userId = await factory.UserIdAsync("norfolk", "practitioner@norfolk.demo");
        var booking = (await factory.BookAsync("norfolk", eventId,
            new Booker(userId, "Pat Practitioner", "practitioner@norfolk.demo", null, null, null, null))).Booking!;

        // The confirmation mail is the one with the baseline link, to the form in the event's context.
        Assert.Empty(await factory.MailsAsync("norfolk", EventMailTemplates.Confirmed.Key, booking.Email));
        var confirmation = Assert.Single(await factory.MailsAsync("norfolk", EventMailTemplates.ConfirmedWithBaseline.Key, booking.Email));
        var link = $"/norfolk/forms/{Baseline}?context=event%3A{eventId}";
        Assert.Contains(link, confirmation.TextBody);
        Assert.Contains(link, confirmation.HtmlBody);
        Assert.Contains("METHOD:REQUEST", confirmation.AttachmentContent);

        // The confirmation page links it too, coming back to the booking; once answered, it thanks instead.
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var page = await client.GetDocumentAsync($"/norfolk/events/bookings/{booking.Reference}?booked=true");
        var href = page.QuerySelector("#baseline-link")!.GetAttribute("href")!;
        Assert.StartsWith(link, href);
        Assert.Contains($"returnUrl=%2Fnorfolk%2Fevents%2Fbookings%2F{booking.Reference}", href);
        await client.GetDocumentAsync(href);

        await factory.SubmitAsync("norfolk", Baseline, context, userId, new() { ["confidence-test"] = ["2"] });
        page = await client.GetDocumentAsync($"/norfolk/events/bookings/{booking.Reference}");
        Assert.Null(page.QuerySelector("#baseline-link"));
        Assert.Contains("you have answered the questions before the event", page.QuerySelector("main")!.TextContent);

        // Before and after, compared for this event only.
        await factory.SubmitAsync("norfolk", Evaluation, context, userId, new() { ["confidence-test"] = ["4"] });
        await factory.SubmitAsync("norfolk", Evaluation, "event:another", "someone-else", new() { ["confidence-test"] = ["1"] });
        var comparison = await factory.WithBoardServicesAsync("norfolk", async s =>
        {
            var form = await s.GetRequiredService<LearningHubDbContext>().Set<Form>().AsNoTracking().SingleAsync(f => f.Key == Evaluation);
            return (await s.GetRequiredService<FormResults>().ForFormAsync(form, new ResultsFilter(Context: context))).Comparisons;
        });
        var points = Assert.Single(comparison, c => c.QuestionKey == "confidence-test").Points;
        Assert.Equal(2.0, points.Single(p => p.Purpose == FormPurpose.EventBaseline).Mean);
        Assert.Equal(4.0, points.Single(p => p.Purpose == FormPurpose.EventEvaluation).Mean);
    }

    [Fact]
    public async Task Attendance_credits_each_linked_module_only_when_the_event_counts_it()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var counting = await factory.CreateEventAsync("norfolk", 10,
            d => d with { LinkedModules = ["case-y", "case-r"], AttendanceCountsTowardModules = true }, now: now);
        var notCounting = await factory.CreateEventAsync("norfolk", 10, d => d with { LinkedModules = ["case-y"] }, now: now);
        var attended = (await factory.BookAsync("norfolk", counting, EventsTestData.Person(901))).Booking!;
        var partly = (await factory.BookAsync("norfolk", counting, EventsTestData.Person(902))).Booking!;
        var scanned = (await factory.BookAsync("norfolk", counting, EventsTestData.Person(903))).Booking!;
        var elsewhere = (await factory.BookAsync("norfolk", notCounting, EventsTestData.Person(904))).Booking!;

        await factory.WithBoardServicesAsync("norfolk", async s =>
        {
            var admin = s.GetRequiredService<EventAdmin>();
            await admin.MarkAttendanceAsync(counting, new Dictionary<Guid, AttendanceMark?>
            {
                [attended.Id] = AttendanceMark.Attended,
                [partly.Id] = AttendanceMark.PartlyAttended,
            }, "coordinator");
            await admin.MarkAttendanceAsync(notCounting, new Dictionary<Guid, AttendanceMark?> { [elsewhere.Id] = AttendanceMark.Attended }, "coordinator");
            await admin.CheckInAsync(scanned.Id, "coordinator");
            // Saving the same marks again credits nothing again.
            await admin.MarkAttendanceAsync(counting, new Dictionary<Guid, AttendanceMark?> { [attended.Id] = AttendanceMark.Attended }, "coordinator");
            return true;
        });

        var credits = factory.Credits.Received.Where(c => c.UserId is "user-901" or "user-902" or "user-903" or "user-904").ToList();
        Assert.Equal(
            ["user-901:case-r", "user-901:case-y", "user-903:case-r", "user-903:case-y"],
            credits.Select(c => $"{c.UserId}:{c.ModuleKey}").Order().ToArray());
        Assert.All(credits, c => Assert.Equal("Learning from Case Y", c.Source));
        // The credit joined the register's own save: it was called while the mark was still unsaved.
        Assert.All(factory.Credits.SawUnsavedMark.Where(kv => kv.Key.StartsWith("user-90", StringComparison.Ordinal)), kv => Assert.True(kv.Value));
    }

    [Fact]
    public async Task Recipe_events_ask_the_boards_standard_forms()
    {
        var ev = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Key == "learning-event-case-a1"));
        Assert.Equal("event-baseline", ev.BaselineFormKey);
        Assert.Equal("event-evaluation", ev.EvaluationFormKey);
        Assert.Equal("event-follow-up-90-days", ev.FollowUpFormKey);
        Assert.True(ev.AttendanceCountsTowardModules);
    }

    [Fact]
    public async Task A_recipe_event_may_name_its_forms_and_an_unknown_form_is_refused_naming_the_field()
    {
        var board = await factory.WithBoardAsync("norfolk", db => db.Boards.AsNoTracking().SingleAsync(b => b.Slug == "norfolk"));
        System.Text.Json.Nodes.JsonObject Recipe(string evaluationForm) => new()
        {
            ["name"] = "norfolk event forms",
            ["steps"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject
                {
                    ["step"] = "board",
                    ["slug"] = "norfolk",
                    ["name"] = board.Name,
                    ["shortName"] = board.ShortName,
                    ["contactEmail"] = board.ContactEmail,
                },
                new System.Text.Json.Nodes.JsonObject
                {
                    ["step"] = "events",
                    ["events"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                    {
                        ["key"] = "recipe-forms-event",
                        ["title"] = "Recipe forms event",
                        ["start"] = "+30d 10:00",
                        ["capacity"] = 20,
                        ["venue"] = "County Hall",
                        ["evaluationForm"] = evaluationForm,
                        ["followUpDays"] = 30,
                        ["followUpToLineManager"] = true,
                    }),
                }),
        };
        var executor = factory.Services.GetRequiredService<LearningHub.Recipes.Services.RecipeExecutor>();

        var error = await Assert.ThrowsAsync<LearningHub.Core.Recipes.RecipeException>(() => executor.ApplyAsync("forms.recipe.json", Recipe("no-such-form").ToJsonString()));
        Assert.Contains("events[0].evaluationForm", error.Message);
        Assert.False(await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AnyAsync(e => e.Key == "recipe-forms-event")));

        await executor.ApplyAsync("forms.recipe.json", Recipe("event-evaluation").ToJsonString());
        var ev = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Key == "recipe-forms-event"));
        Assert.Equal("event-evaluation", ev.EvaluationFormKey);
        Assert.Equal("event-baseline", ev.BaselineFormKey);
        Assert.Equal(30, ev.FollowUpDays);
        Assert.True(ev.FollowUpToLineManager);
    }

    [Fact]
    public async Task The_coordinator_form_offers_the_boards_forms_and_keeps_audience_credit_and_follow_up_choices()
    {
        await factory.GrantEventsManageAsync("norfolk");
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");

        // A new event starts with the board's standard forms chosen.
        var blank = await client.GetDocumentAsync("/norfolk/events/manage/edit");
        Assert.Equal("event-evaluation", blank.QuerySelector("#Input_EvaluationFormKey option[selected]")!.GetAttribute("value"));
        Assert.Equal("event-baseline", blank.QuerySelector("#Input_BaselineFormKey option[selected]")!.GetAttribute("value"));

        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "Coercive control briefing"),
            new("Input.Summary", "What the reviews found."),
            new("Input.Format", "Online"),
            new("Input.JoiningLink", "https://teams.example/briefing"),
            new("Input.Date.Day", $"{DateTime.UtcNow.AddDays(40).Day}"),
            new("Input.Date.Month", $"{DateTime.UtcNow.AddDays(40).Month}"),
            new("Input.Date.Year", $"{DateTime.UtcNow.AddDays(40).Year}"),
            new("Input.StartTime.Hour", "10"),
            new("Input.StartTime.Minute", "00"),
            new("Input.EndTime.Hour", "11"),
            new("Input.EndTime.Minute", "30"),
            new("Input.Capacity", "50"),
            new("Input.Audience", "Police"),
            new("Input.Audience", "EarlyYears"),
            new("Input.LinkedModules", "case-y"),
            new("Input.AttendanceCountsTowardModules", "true"),
            new("Input.BaselineFormKey", ""),
            new("Input.EvaluationFormKey", "event-evaluation"),
            new("Input.FollowUpFormKey", "not-a-form"),
            new("Input.FollowUpDays", "60"),
            new("Input.FollowUpToLineManager", "true"),
        };

        // A form key that is not offered is refused with an error linked to its field, keeping what was chosen.
        var refused = await PostAsync(client, "/norfolk/events/manage/edit", fields);
        var page = await refused.ParseAsync();
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Input_FollowUpFormKey']"));
        Assert.NotNull(page.QuerySelector("#Input_Audience_EarlyYears[checked]"));

        fields[14] = new("Input.FollowUpFormKey", "event-follow-up-90-days");
        var created = await PostAsync(client, "/norfolk/events/manage/edit", fields);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);
        var eventId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var ev = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.Id == eventId));
        Assert.Equal([LearningHub.Core.Taxonomies.Sector.Police, LearningHub.Core.Taxonomies.Sector.EarlyYears], ev.Audience);
        Assert.True(ev.AttendanceCountsTowardModules);
        Assert.Null(ev.BaselineFormKey);
        Assert.Equal("event-evaluation", ev.EvaluationFormKey);
        Assert.Equal("event-follow-up-90-days", ev.FollowUpFormKey);
        Assert.Equal(60, ev.FollowUpDays);
        Assert.True(ev.FollowUpToLineManager);

        // Opening the event again shows the same choices (saving it unchanged loses none of them).
        var edit = await client.GetDocumentAsync($"/norfolk/events/manage/edit/{eventId}");
        Assert.NotNull(edit.QuerySelector("#Input_Audience[checked]"));
        Assert.NotNull(edit.QuerySelector("#Input_AttendanceCountsTowardModules[checked]"));
        Assert.Equal("60", edit.QuerySelector("#Input_FollowUpDays")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_public_list_filters_by_audience_sector_keeping_events_for_everyone()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Briefing for police officers", Audience = [LearningHub.Core.Taxonomies.Sector.Police] }, now: now);
        await factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Briefing for health visitors", Audience = [LearningHub.Core.Taxonomies.Sector.Health] }, now: now);
        await factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Briefing for everyone" }, now: now);
        var client = factory.CreateBrowserClient();

        var page = await client.GetDocumentAsync("/norfolk/events?Filter.Sector=Police");
        var titles = page.QuerySelectorAll(".lh-event-list__item h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Briefing for police officers", titles);
        Assert.Contains("Briefing for everyone", titles);
        Assert.DoesNotContain("Briefing for health visitors", titles);
        Assert.Equal("Police", page.QuerySelector("#Filter_Sector option[selected]")!.GetAttribute("value"));

        // An unknown sector in a hand-edited address is ignored, not an error.
        var all = await client.GetDocumentAsync("/norfolk/events?Filter.Sector=Pirates");
        Assert.Contains("Briefing for health visitors", all.QuerySelectorAll(".lh-event-list__item h3").Select(h => h.TextContent.Trim()));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>Records each credit, and whether the mark that caused it was still waiting for the caller's SaveChanges.</summary>
    public sealed class RecordingCredit(LearningHubDbContext db, RecordingLog log) : IAttendanceCredit
    {
        public Task CreditAsync(AttendanceCredit credit, CancellationToken cancellationToken = default)
        {
            log.Received.Add(credit);
            log.SawUnsavedMark[$"{credit.UserId}:{credit.ModuleKey}"] =
                db.ChangeTracker.Entries<Booking>().Any(e => e.Entity.UserId == credit.UserId && e.State == EntityState.Modified);
            return Task.CompletedTask;
        }
    }

    public sealed class RecordingLog
    {
        public System.Collections.Concurrent.ConcurrentBag<AttendanceCredit> Received { get; } = [];

        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> SawUnsavedMark { get; } = new();
    }

    /// <summary>The events factory with a recording <see cref="IAttendanceCredit"/> (Cases provides the real one).</summary>
    public sealed class CreditFactory : EventsFactory
    {
        public RecordingLog Credits { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Credits);
                services.AddScoped<IAttendanceCredit>(sp => new RecordingCredit(sp.GetRequiredService<LearningHubDbContext>(), sp.GetRequiredService<RecordingLog>()));
            });
        }
    }
}
