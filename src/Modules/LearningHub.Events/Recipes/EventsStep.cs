using LearningHub.Core.Recipes;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.Media.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Events.Recipes;

/// <summary>
/// <c>{ "step": "events", "roadshows": [ { "key", "title", "summary", "theme", "status", "cover", "sessions": [ event... ] } ], "events": [ event... ] }</c>
/// where an event is <c>{ "key", "title", "summary", "format", "venue", "joiningLink", "locality", "theme", "start": "+21d 09:30",
/// "durationMinutes", "capacity", "requiresApproval", "waitingList", "audience": ["Police"], "linkedModules": ["case-y"],
/// "linkedRecommendations": [ { "module": "case-y", "number": "2" } ],
/// "facilitators", "bookingQuestion", "status", "baselineForm", "evaluationForm", "followUpForm": "form-key", "followUpDays": 90,
/// "followUpToLineManager", "cover" }</c>. A <c>cover</c> (<c>"media:pattern-rings"</c>) names an image a media step
/// brought; without one, the cover chosen on the coordinator pages is left as it is. Times are UK time, relative to the day the recipe is applied. An event that names no
/// baseline, evaluation or follow-up form asks the board's form of that purpose (from the forms step), if it has one.
/// Items are matched by key: an existing one gets its wording and settings updated but keeps its dates
/// (they were fixed when it was first applied), so applying again changes nothing.
/// </summary>
public sealed class EventsStep : IRecipeStepHandler
{
    public string StepName => "events";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var clock = context.Services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(LondonTime.ToLondon(now));
        var localities = await db.Localities.ToDictionaryAsync(l => l.Key, l => l.Id, cancellationToken);
        var themes = await db.LearningThemes.ToDictionaryAsync(t => t.Key, t => t.Id, cancellationToken);
        var roadshows = await db.Set<Roadshow>().Where(r => r.Key != null).ToDictionaryAsync(r => r.Key!, cancellationToken);
        var events = await db.Set<LearningEvent>().Where(e => e.Key != null).ToDictionaryAsync(e => e.Key!, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var images = await MediaRecipeKeys.LoadAsync(context, cancellationToken);
        var formChoices = context.Services.GetRequiredService<FormChoices>();
        var forms = new EventFormDefaults(
            (await formChoices.ListAsync(Enum.GetValues<FormPurpose>(), cancellationToken)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal),
            await formChoices.DefaultAsync(FormPurpose.EventBaseline, cancellationToken),
            await formChoices.DefaultAsync(FormPurpose.EventEvaluation, cancellationToken),
            await formChoices.DefaultAsync(FormPurpose.FollowUp, cancellationToken));

        foreach (var item in context.Step.Objects("roadshows"))
        {
            var key = Key(item, seen);
            if (!roadshows.TryGetValue(key, out var roadshow))
            {
                roadshow = new Roadshow { Key = key, CreatedUtc = now };
                db.Add(roadshow);
                roadshows[key] = roadshow;
            }

            roadshow.Title = item.String("title", 200);
            roadshow.Summary = item.OptionalString("summary", 8000) ?? "";
            roadshow.ThemeId = Lookup(item, "theme", themes);
            roadshow.Status = item.Has("status") ? item.Enum<EventStatus>("status") : EventStatus.Published;
            roadshow.CoverImageId = images.Read(item, "cover") ?? roadshow.CoverImageId;
            foreach (var session in item.Objects("sessions", required: true))
            {
                ApplyEvent(session, Key(session, seen), roadshow, events, localities, themes, forms, images, today, now, db);
            }
        }

        foreach (var item in context.Step.Objects("events"))
        {
            ApplyEvent(item, Key(item, seen), null, events, localities, themes, forms, images, today, now, db);
        }
    }

    private static void ApplyEvent(RecipeElement item, string key, Roadshow? roadshow, Dictionary<string, LearningEvent> events,
        Dictionary<string, Guid> localities, Dictionary<string, Guid> themes, EventFormDefaults forms, MediaRecipeKeys images, DateOnly today, DateTime now,
        Microsoft.EntityFrameworkCore.DbContext db)
    {
        var isNew = !events.TryGetValue(key, out var ev);
        if (ev is null)
        {
            ev = new LearningEvent { Key = key, CreatedUtc = now, UpdatedUtc = now };
            db.Add(ev);
            events[key] = ev;
        }

        ev.RoadshowId = roadshow?.Id;
        ev.Title = item.OptionalString("title", 200) ?? roadshow?.Title ?? throw item.Fail("title", "is required and must be text.");
        ev.Summary = item.OptionalString("summary", 8000) ?? roadshow?.Summary ?? "";
        ev.Format = item.Has("format") ? item.Enum<EventFormat>("format") : EventFormat.InPerson;
        ev.Venue = item.OptionalString("venue", 500);
        ev.JoiningLink = item.OptionalString("joiningLink", 500);
        if (ev.JoiningLink is not null && !Uri.TryCreate(ev.JoiningLink, UriKind.Absolute, out _))
        {
            throw item.Fail("joiningLink", "must be a full web address (https://...).");
        }

        ev.LocalityId = Lookup(item, "locality", localities);
        ev.ThemeId = Lookup(item, "theme", themes) ?? roadshow?.ThemeId;
        ev.Capacity = item.OptionalInt("capacity", 1, 10000) ?? throw item.Fail("capacity", "is required: a whole number of places.");
        ev.RequiresApproval = item.OptionalBool("requiresApproval") ?? false;
        ev.WaitingListEnabled = item.OptionalBool("waitingList") ?? true;
        ev.AttendanceCountsTowardModules = item.OptionalBool("attendanceCountsTowardModules") ?? false;
        var audience = new List<Sector>();
        foreach (var name in item.Strings("audience"))
        {
            audience.Add(Enum.TryParse<Sector>(name.Replace(" ", "").Replace("'", "").Replace("(", "").Replace(")", ""), ignoreCase: true, out var sector)
                ? sector
                : throw item.Fail("audience", $"'{name}' is not a sector: {string.Join(", ", Enum.GetNames<Sector>())}."));
        }

        ev.AudienceSectors = string.Join(',', audience);
        ev.SetLinks(item.Strings("linkedModules"), LinkedRecommendations(item));
        ev.Facilitators = item.OptionalString("facilitators", 500);
        ev.BookingQuestion = item.OptionalString("bookingQuestion", 300);
        ev.Status = item.Has("status") ? item.Enum<EventStatus>("status") : EventStatus.Published;
        ev.BaselineFormKey = FormKey(item, "baselineForm", forms) ?? ev.BaselineFormKey ?? forms.Baseline;
        ev.EvaluationFormKey = FormKey(item, "evaluationForm", forms) ?? ev.EvaluationFormKey ?? forms.Evaluation;
        ev.FollowUpFormKey = FormKey(item, "followUpForm", forms) ?? ev.FollowUpFormKey ?? forms.FollowUp;
        ev.FollowUpDays = item.OptionalInt("followUpDays", 1, 730);
        ev.FollowUpToLineManager = item.OptionalBool("followUpToLineManager") ?? false;
        ev.CoverImageId = images.Read(item, "cover") ?? ev.CoverImageId;
        if (isNew)
        {
            // Dates are fixed when an item is first applied, so applying the recipe again another day changes nothing.
            var startText = item.String("start", 40);
            if (!RelativeTime.TryParse(startText, today, out var startLondon, allowWeekend: item.OptionalBool("onWeekend") ?? false))
            {
                throw item.Fail("start", $"'{startText}' is not a time: use \"+21d 09:30\" (days from today, UK time) or \"2027-03-09 09:30\".");
            }

            var minutes = item.OptionalInt("durationMinutes", 15, 60 * 24 * 5) ?? 180;
            ev.StartUtc = LondonTime.ToUtc(startLondon);
            ev.EndUtc = LondonTime.ToUtc(startLondon.AddMinutes(minutes));
        }
    }

    /// <summary>The recommendations an event answers: each names its case module's key and its number there.</summary>
    private static IEnumerable<LearningHub.Core.Learning.RecommendationRef> LinkedRecommendations(RecipeElement item) =>
        item.Objects("linkedRecommendations").Select(r => new LearningHub.Core.Learning.RecommendationRef(r.String("module", 100), r.String("number", 20))).ToList();

    /// <summary>The board's form keys, and the form of each purpose an event asks when its recipe names none.</summary>
    private sealed record EventFormDefaults(HashSet<string> Keys, string? Baseline, string? Evaluation, string? FollowUp);

    private static string? FormKey(RecipeElement item, string field, EventFormDefaults forms)
    {
        var key = item.OptionalString(field, 100);
        return key is null || forms.Keys.Contains(key)
            ? key
            : throw item.Fail(field, $"'{key}' is not a form of this board (add it in the forms step first).");
    }

    private static string Key(RecipeElement item, HashSet<string> seen)
    {
        var key = item.String("key", 100);
        return seen.Add(key) ? key : throw item.Fail("key", $"'{key}' appears more than once in this step.");
    }

    private static Guid? Lookup(RecipeElement item, string field, Dictionary<string, Guid> terms)
    {
        var key = item.OptionalString(field, 100);
        if (key is null)
        {
            return null;
        }

        return terms.TryGetValue(key, out var id) ? id : throw item.Fail(field, $"'{key}' is not a {field} of this board (add it in the taxonomies step first).");
    }
}
