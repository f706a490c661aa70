using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// The coordinator's steps that mail people are checked first (cancelling an event, messaging everyone booked); a
/// roadshow is built from its task list; the public list reads a roadshow once and shows events before filters.
/// </summary>
public sealed class CoordinatorCheckPagesTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    [Fact]
    public async Task Cancelling_an_event_asks_first_saying_how_many_are_mailed_and_only_the_confirm_page_cancels()
    {
        await factory.GrantEventsManageAsync("norfolk");
        var eventId = await factory.CreateEventAsync("norfolk", 1, d => d with { Title = "Cancel me briefing" });
        await factory.BookAsync("norfolk", eventId, EventsTestData.Person(1101));
        await factory.BookAsync("norfolk", eventId, EventsTestData.Person(1102)); // waiting
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");

        // The event page offers a link to the question, not a button that cancels.
        var manage = await client.GetDocumentAsync($"/norfolk/events/manage/{eventId}");
        var cancel = manage.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Cancel the event");
        Assert.Equal($"/norfolk/events/manage/{eventId}/cancel", cancel.GetAttribute("href"));
        Assert.DoesNotContain(manage.QuerySelectorAll("button"), b => b.TextContent.Contains("Cancel", StringComparison.Ordinal));

        var question = await client.GetDocumentAsync(cancel.GetAttribute("href")!);
        Assert.Equal("Are you sure you want to cancel Cancel me briefing?", question.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("2 people will be emailed that it is cancelled (1 with a place, 1 on the waiting list)", question.QuerySelector(".govuk-warning-text")!.TextContent);
        Assert.Equal(EventStatus.Published, await StatusAsync(eventId));
        Assert.Empty(await factory.MailsAsync("norfolk", EventMailTemplates.EventCancelled.Key, "person1101@school.example"));

        var done = await client.SubmitFormAsync($"/norfolk/events/manage/{eventId}/cancel", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(EventStatus.Cancelled, await StatusAsync(eventId));
        Assert.Single(await factory.MailsAsync("norfolk", EventMailTemplates.EventCancelled.Key, "person1101@school.example"));
        Assert.Single(await factory.MailsAsync("norfolk", EventMailTemplates.EventCancelled.Key, "person1102@school.example"));
    }

    [Fact]
    public async Task A_message_to_everyone_booked_is_checked_subject_body_and_recipients_can_be_changed_and_is_sent_only_from_the_check_page()
    {
        await factory.GrantEventsManageAsync("norfolk");
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Message me briefing" });
        await factory.BookAsync("norfolk", eventId, EventsTestData.Person(1111));
        await factory.BookAsync("norfolk", eventId, EventsTestData.Person(1112));
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var manageUrl = $"/norfolk/events/manage/{eventId}";
        var action = (await client.GetDocumentAsync(manageUrl)).QuerySelectorAll("form").Single(f => f.QuerySelector("textarea[name=Message]") is not null).GetAttribute("action")!;
        Assert.Equal($"/norfolk/events/manage/{eventId}/message?handler=Check", action);

        // Nothing typed: the GOV.UK error, linked to the box.
        var blank = await client.SubmitFormAsync(manageUrl, new Dictionary<string, string> { ["Message"] = " " }, action);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.NotNull((await blank.ParseAsync()).QuerySelector(".govuk-error-summary a[href='#Message']"));

        var checking = await client.SubmitFormAsync(manageUrl, new Dictionary<string, string> { ["Message"] = "Please bring the briefing." }, action);
        Assert.Equal(HttpStatusCode.Redirect, checking.StatusCode);
        var check = await client.GetDocumentAsync(checking.Headers.Location!.OriginalString);
        Assert.Equal("Check your message before sending it", check.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2 people with a confirmed place, by email", check.QuerySelector("#message-recipients")!.TextContent.Trim());
        Assert.Equal("NSCB: About Message me briefing", check.QuerySelector("#message-subject")!.TextContent.Trim());
        Assert.Equal("Please bring the briefing.", check.QuerySelector("#message-body")!.TextContent.Trim());
        Assert.Contains("Please bring the briefing.", check.QuerySelector("#message-preview")!.TextContent);
        Assert.Empty(await factory.MailsAsync("norfolk", EventMailTemplates.AttendeeMessage.Key, "person1111@school.example"));

        // Change: the box holds what was typed.
        var change = check.QuerySelectorAll("#message-check a").Single(a => a.TextContent.StartsWith("Change", StringComparison.Ordinal));
        var again = await client.GetDocumentAsync(change.GetAttribute("href")!);
        Assert.Equal("Please bring the briefing.", again.QuerySelector("textarea[name=Message]")!.TextContent.Trim());

        var sent = await client.SubmitFormAsync(checking.Headers.Location!.OriginalString, new Dictionary<string, string>(),
            $"/norfolk/events/manage/{eventId}/message?handler=Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"{manageUrl}?done=messaged", sent.Headers.Location!.OriginalString);
        Assert.Contains("Please bring the briefing.", Assert.Single(await factory.MailsAsync("norfolk", EventMailTemplates.AttendeeMessage.Key, "person1111@school.example")).TextBody);
        Assert.Single(await factory.MailsAsync("norfolk", EventMailTemplates.AttendeeMessage.Key, "person1112@school.example"));

        // Sending again (a second press, another tab) sends nothing more: the draft is gone.
        var twice = await client.SubmitFormAsync(manageUrl, new Dictionary<string, string>(), $"/norfolk/events/manage/{eventId}/message?handler=Send");
        Assert.NotNull((await twice.ParseAsync()).QuerySelector(".govuk-error-summary"));
        Assert.Single(await factory.MailsAsync("norfolk", EventMailTemplates.AttendeeMessage.Key, "person1111@school.example"));
    }

    [Fact]
    public async Task A_roadshow_is_built_from_its_task_list_adding_a_session_filled_in_from_the_roadshow_and_publishing_both()
    {
        await factory.GrantEventsManageAsync("norfolk");
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var created = await client.SubmitFormAsync("/norfolk/events/manage/roadshows/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Autumn task-list roadshow",
            ["Input.Summary"] = "Case T across the county.",
            ["Input.Status"] = "Draft",
        });
        var tasksUrl = created.Headers.Location!.OriginalString;
        var roadshowId = Guid.Parse(tasksUrl.Split('/').Last());
        Assert.Equal($"/norfolk/events/manage/roadshows/{roadshowId}", tasksUrl);

        var tasks = await client.GetDocumentAsync(tasksUrl);
        Assert.Equal("Completed", tasks.QuerySelector("#task-details-status")!.TextContent.Trim());
        Assert.Equal("Not yet started", tasks.QuerySelector("#task-sessions-status")!.TextContent.Trim());
        Assert.Equal("Cannot start yet", tasks.QuerySelector("#task-publish-status")!.TextContent.Trim());
        var add = tasks.QuerySelector("a#add-session")!.GetAttribute("href")!;

        // The new session starts as the roadshow: its title, description and the roadshow chosen.
        var form = await client.GetDocumentAsync(add);
        Assert.Equal("Add a session", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Autumn task-list roadshow", form.QuerySelector<IHtmlInputElement>("input[name='Input.Title']")!.Value);
        Assert.Equal("Case T across the county.", form.QuerySelector("textarea[name='Input.Summary']")!.TextContent.Trim());
        Assert.Equal(roadshowId, Guid.Parse(form.QuerySelector<IHtmlSelectElement>("select[name='Input.RoadshowId']")!.Value!));

        var fields = FieldsOf(form.QuerySelector<IHtmlFormElement>("main form")!);
        var date = DateTime.UtcNow.AddDays(30);
        fields["Input.Date.Day"] = date.Day.ToString();
        fields["Input.Date.Month"] = date.Month.ToString();
        fields["Input.Date.Year"] = date.Year.ToString();
        fields["Input.StartTime.Hour"] = "09";
        fields["Input.StartTime.Minute"] = "30";
        fields["Input.EndTime.Hour"] = "12";
        fields["Input.EndTime.Minute"] = "30";
        fields["Input.Format"] = "InPerson";
        fields["Input.Venue"] = "Town Hall, King's Lynn";
        fields["Input.Capacity"] = "25";
        var saved = await client.SubmitFormAsync(add, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{tasksUrl}?done=session", saved.Headers.Location!.OriginalString);

        tasks = await client.GetDocumentAsync(tasksUrl);
        Assert.Equal("Draft", tasks.QuerySelector("#session-0-status")!.TextContent.Trim());
        Assert.Contains("25 places", tasks.QuerySelector("#session-0-hint")!.TextContent);
        var published = await client.SubmitFormAsync(tasksUrl, new Dictionary<string, string>(), $"{tasksUrl}?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        tasks = await client.GetDocumentAsync(tasksUrl);
        Assert.Equal("Published", tasks.QuerySelector("#task-publish-status")!.TextContent.Trim());
        Assert.Equal("Published", tasks.QuerySelector("#session-0-status")!.TextContent.Trim());
        var session = await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AsNoTracking().SingleAsync(e => e.RoadshowId == roadshowId));
        Assert.Equal(("Autumn task-list roadshow", EventStatus.Published), (session.Title, session.Status));
        Assert.Equal(EventStatus.Published, await factory.WithBoardAsync("norfolk", db => db.Set<Roadshow>().Where(r => r.Id == roadshowId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_events_list_names_a_roadshow_once_with_its_sessions_under_it_and_lists_events_before_the_filters()
    {
        var roadshowId = await factory.WithBoardAsync("norfolk", async db =>
        {
            var roadshow = new Roadshow { Title = "Winter grouped roadshow", Summary = "Case W.", Status = EventStatus.Published, CreatedUtc = DateTime.UtcNow };
            db.Add(roadshow);
            await db.SaveChangesAsync();
            return roadshow.Id;
        });
        var first = await factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Winter grouped roadshow", RoadshowId = roadshowId }, TimeSpan.FromDays(500));
        var second = await factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Winter grouped roadshow", RoadshowId = roadshowId }, TimeSpan.FromDays(502));

        var page = await factory.CreateBrowserClient().GetDocumentAsync("/norfolk/events?Filter.When=later");
        var items = page.QuerySelectorAll("li.lh-event-list__item").Where(li => li.TextContent.Contains("Winter grouped roadshow", StringComparison.Ordinal)).ToList();
        var item = Assert.Single(items);
        Assert.Equal(1, item.TextContent.Split("Winter grouped roadshow").Length - 1);
        Assert.Equal($"/norfolk/events/roadshows/{roadshowId}", item.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal([$"/norfolk/events/{first}", $"/norfolk/events/{second}"],
            item.QuerySelectorAll(".lh-roadshow-session a").Select(a => a.GetAttribute("href")!).ToArray());
        Assert.All(item.QuerySelectorAll(".lh-roadshow-session"), s => Assert.Contains("10 places left", s.TextContent));

        // Results first in the page (so a phone shows events before the five filters), with a link down to the filters.
        var results = page.QuerySelector("#results")!;
        var filter = page.QuerySelector("form#filter")!;
        Assert.True(results.CompareDocumentPosition(filter).HasFlag(DocumentPositions.Following));
        Assert.Equal("#filter", page.QuerySelector(".lh-filter-jump a")!.GetAttribute("href"));
    }

    private Task<EventStatus> StatusAsync(Guid eventId) =>
        factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().Where(e => e.Id == eventId).Select(e => e.Status).SingleAsync());

    /// <summary>The values a browser would post from <paramref name="form"/> as shown (inputs, ticked boxes, selects, text areas).</summary>
    private static Dictionary<string, string> FieldsOf(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }

            // A ticked box and its hidden "false" share a name: the tick wins, as MVC reads the first value.
            fields.TryAdd(input.Name!, input.Value);
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            fields[select.Name!] = select.Value ?? "";
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields[area.Name!] = area.Value;
        }

        fields.Remove("__RequestVerificationToken");
        return fields;
    }
}
