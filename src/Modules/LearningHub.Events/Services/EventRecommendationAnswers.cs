using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Time;
using LearningHub.Events.Domain;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Services;

/// <summary>
/// For a recommendation's page (Cases): the events linked to the recommendation, the roadshows those sessions belong
/// to, and the before, after and follow-up forms they ask.
/// </summary>
public sealed class EventRecommendationAnswers(LearningHubDbContext db, FormChoices forms) : IRecommendationAnswers
{
    public async Task<IReadOnlyList<AnsweringLearning>> ForAsync(RecommendationRef recommendation, CancellationToken cancellationToken = default)
    {
        var events = await db.Set<LearningEvent>().AsNoTracking().IgnoreAutoIncludes()
            .Where(e => e.Links.Any(l => l.ModuleKey == recommendation.ModuleKey && l.RecommendationNumber == recommendation.Number))
            .OrderBy(e => e.StartUtc)
            .Select(e => new { e.Id, e.Title, e.StartUtc, e.Status, e.RoadshowId, e.BaselineFormKey, e.EvaluationFormKey, e.FollowUpFormKey })
            .ToListAsync(cancellationToken);
        var roadshowIds = events.Where(e => e.RoadshowId != null).Select(e => e.RoadshowId!.Value).Distinct().ToList();
        var roadshows = await db.Set<Roadshow>().AsNoTracking().Where(r => roadshowIds.Contains(r.Id)).OrderBy(r => r.Title)
            .Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken);

        var result = new List<AnsweringLearning>();
        foreach (var r in roadshows)
        {
            var sessions = events.Count(e => e.RoadshowId == r.Id);
            result.Add(new AnsweringLearning("Roadshow", r.Title, sessions == 1 ? "1 session" : $"{sessions} sessions",
                "/Events/Roadshow", new Dictionary<string, string> { ["id"] = r.Id.ToString() }));
        }

        foreach (var e in events)
        {
            result.Add(new AnsweringLearning(e.RoadshowId is null ? "Event" : "Roadshow session", e.Title,
                $"{LondonTime.Date(e.StartUtc)}{(e.Status == EventStatus.Published ? "" : $", {e.Status.ToString().ToLowerInvariant()}")}",
                "/Events/Details", new Dictionary<string, string> { ["id"] = e.Id.ToString() }));
        }

        var keys = events.SelectMany(e => new[] { e.BaselineFormKey, e.EvaluationFormKey, e.FollowUpFormKey }).OfType<string>().ToHashSet();
        if (keys.Count > 0)
        {
            var choices = await forms.ListAsync([FormPurpose.EventBaseline, FormPurpose.EventEvaluation, FormPurpose.FollowUp], cancellationToken);
            foreach (var form in choices.Where(f => keys.Contains(f.Key)))
            {
                var when = form.Purpose switch
                {
                    FormPurpose.EventBaseline => "asked before the event",
                    FormPurpose.EventEvaluation => "asked straight after",
                    _ => "asked at follow-up",
                };
                result.Add(new AnsweringLearning("Evaluation form", form.Title, when, null, null));
            }
        }

        return result;
    }
}
