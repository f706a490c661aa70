using System.Globalization;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Privacy;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Impact.Services;

/// <summary>
/// Change measured: the answers to the events' baseline (before), evaluation (straight after) and follow-up forms,
/// matched by question key across the three, as they are in Forms' results. Scales give a mean and the count of each
/// score; yes/no questions the count of each; text questions ("what did you change in your practice") how many
/// answered. Each group (all people, then each agency by the agency recorded with the answers) is shown only when
/// <see cref="SmallGroups.Threshold"/> or more answered; below that, <see cref="ChangeRow"/> carries no figures.
/// Module reflections are left out: they are the practitioner's own CPD record.
/// </summary>
public sealed class ImpactChange(LearningHubDbContext db, ImpactReach reach)
{
    private static readonly FormPurpose[] Series = [FormPurpose.EventBaseline, FormPurpose.EventEvaluation, FormPurpose.FollowUp];

    private static readonly QuestionType[] Measured = [QuestionType.Scale, QuestionType.YesNo, QuestionType.LongText];

    /// <summary>How many answered a question at a stage (some of them, by wording and answer), among one agency's submissions (or those without an agency).</summary>
    private sealed record Answered(Guid? AgencyId, FormPurpose Purpose, string Key, int Submissions);

    /// <summary>How many gave one answer to a scale or yes/no question at a stage, among one agency's submissions.</summary>
    private sealed record Given(Guid? AgencyId, FormPurpose Purpose, string Key, string Value, int Answers);

    /// <summary>The wording and type of a question key on one of the three forms.</summary>
    private sealed record Wording(FormPurpose Purpose, string Key, string Text, QuestionType Type);

    public async Task<ChangeFigures> ForAsync(ImpactScope scope, CancellationToken cancellationToken = default)
    {
        var submissions = db.Set<FormSubmission>().AsNoTracking().Where(s => s.SubmittedUtc != null);
        if (scope.Recommendation is not null || scope.ModuleKey is not null || scope.EventId is not null)
        {
            // The answers given about the events in scope, whenever they were given.
            var eventIds = await reach.Events(scope with { FromUtc = null, ToUtc = null }).Select(e => e.Id).ToListAsync(cancellationToken);
            var contexts = eventIds.Select(EventFormContext.For).ToList();
            submissions = submissions.Where(s => contexts.Contains(s.Context));
        }
        else
        {
            var prefix = EventFormContext.For(Guid.Empty).Split(':')[0] + ":";
            submissions = submissions.Where(s => s.Context.StartsWith(prefix));
        }

        if (scope.FromUtc is { } from)
        {
            submissions = submissions.Where(s => s.SubmittedUtc >= from);
        }

        if (scope.ToUtc is { } to)
        {
            submissions = submissions.Where(s => s.SubmittedUtc < to);
        }

        if (scope.AgencyId is { } onlyAgency)
        {
            submissions = submissions.Where(s => s.AgencyId == onlyAgency);
        }

        // Counted in the database, in one query, by agency, stage, question and (for scales and yes/no questions) answer: a
        // board has tens of thousands of answers, and loading them row by row was much of the annual-report pack's time.
        // A version's question keys are unique, so a submission gives one answer per key and the answers counted are the
        // submissions (the people, as far as anonymous forms let anyone count them). Figures for everyone are the
        // agencies' figures added up (each submission has one agency, or none).
        var counted = await (
                from a in db.Set<FormAnswer>().AsNoTracking()
                join s in submissions on a.SubmissionId equals s.Id
                join q in db.Set<FormQuestion>() on a.QuestionId equals q.Id
                join f in db.Set<Form>() on s.FormId equals f.Id
                where Series.Contains(f.Purpose) && Measured.Contains(q.Type)
                group a by new
                {
                    s.AgencyId,
                    f.Purpose,
                    q.Key,
                    q.Text,
                    q.Type,
                    Value = q.Type == QuestionType.Scale || q.Type == QuestionType.YesNo ? a.Value : "",
                } into g
                select new { g.Key.AgencyId, g.Key.Purpose, g.Key.Key, g.Key.Text, g.Key.Type, g.Key.Value, Answers = g.Count() })
            .ToListAsync(cancellationToken);
        var answered = counted.Select(c => new Answered(c.AgencyId, c.Purpose, c.Key, c.Answers)).ToList();
        var given = counted.Where(c => c.Type is QuestionType.Scale or QuestionType.YesNo)
            .Select(c => new Given(c.AgencyId, c.Purpose, c.Key, c.Value, c.Answers)).ToList();
        var wordings = counted.Select(c => new Wording(c.Purpose, c.Key, c.Text, c.Type)).Distinct();

        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        // A key's wording is the earliest form's in the series (before, then after, then follow-up).
        var questions = wordings.GroupBy(w => w.Key)
            .Select(g =>
            {
                var first = g.OrderBy(w => Array.IndexOf(Series, w.Purpose)).ThenBy(w => w.Text, StringComparer.Ordinal).First();
                return (Key: g.Key, first.Type, first.Text, Order: Array.IndexOf(Series, first.Purpose));
            })
            .OrderBy(q => q.Type == QuestionType.LongText).ThenBy(q => q.Type == QuestionType.YesNo).ThenBy(q => q.Order).ThenBy(q => q.Key, StringComparer.Ordinal)
            .ToList();

        var rows = new List<ChangeRow>();
        void AddGroup(string group, Func<Guid?, bool> theirs)
        {
            foreach (var question in questions)
            {
                foreach (var purpose in Series)
                {
                    var people = answered.Where(a => a.Key == question.Key && a.Purpose == purpose && theirs(a.AgencyId)).Sum(a => a.Submissions);
                    if (people == 0)
                    {
                        continue;
                    }

                    var values = given.Where(g => g.Key == question.Key && g.Purpose == purpose && theirs(g.AgencyId))
                        .GroupBy(g => g.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(x => x.Answers), StringComparer.Ordinal);
                    rows.Add(Row(group, question.Key, question.Text, question.Type, Stage(purpose), people, values));
                }
            }
        }

        if (scope.AgencyId is null)
        {
            AddGroup(ChangeFigures.Everyone, _ => true);
        }

        foreach (var agency in agencies.Where(a => scope.AgencyId is null || a.Id == scope.AgencyId))
        {
            AddGroup(agency.Name, id => id == agency.Id);
        }

        return new ChangeFigures(rows);
    }

    private static ChangeStage Stage(FormPurpose purpose) => purpose switch
    {
        FormPurpose.EventBaseline => ChangeStage.Before,
        FormPurpose.EventEvaluation => ChangeStage.StraightAfter,
        _ => ChangeStage.FollowUp,
    };

    /// <param name="values">How many gave each answer (scales and yes/no questions only).</param>
    private static ChangeRow Row(string group, string key, string text, QuestionType type, ChangeStage stage, int answered, IReadOnlyDictionary<string, int> values)
    {
        if (SmallGroups.Hidden(answered))
        {
            return new ChangeRow(group, key, text, stage, answered, null, null);
        }

        int Count(string value) => values.GetValueOrDefault(value);
        return type switch
        {
            // The mean of every answer given (a long sum over their count, as Enumerable.Average does).
            QuestionType.Scale => new ChangeRow(group, key, text, stage, answered,
                (double)values.Sum(v => (long)int.Parse(v.Key, CultureInfo.InvariantCulture) * v.Value) / values.Values.Sum(),
                new[] { "1", "2", "3", "4", "5" }.Select(score => (score, Count(score))).ToList()),
            QuestionType.YesNo => new ChangeRow(group, key, text, stage, answered, null,
                new List<(string, int)> { ("Yes", Count("yes")), ("No", Count("no")) }),
            _ => new ChangeRow(group, key, text, stage, answered, null, null),
        };
    }
}
