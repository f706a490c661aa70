// The Impact services as they were at 651ec93, before the benchmark (issue 18, acceptance 5) pushed their work into SQL.
// Kept only so one run of the benchmark times both and checks that both give the same tables; delete when that is no longer wanted.
using System.Globalization;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Privacy;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;

using LearningHub.Impact.Services;

namespace LearningHub.Bench.Impact.Before;

/// <summary>
/// Change measured: the answers to the events' baseline (before), evaluation (straight after) and follow-up forms,
/// matched by question key across the three, as they are in Forms' results. Scales give a mean and the count of each
/// score; yes/no questions the count of each; text questions ("what did you change in your practice") how many
/// answered. Each group (all people, then each agency by the agency recorded with the answers) is shown only when
/// <see cref="SmallGroups.Threshold"/> or more answered; below that, <see cref="ChangeRow"/> carries no figures.
/// Module reflections are left out: they are the practitioner's own CPD record.
/// </summary>
internal sealed class ImpactChange(LearningHubDbContext db, ImpactReach reach)
{
    private static readonly FormPurpose[] Series = [FormPurpose.EventBaseline, FormPurpose.EventEvaluation, FormPurpose.FollowUp];

    private static readonly QuestionType[] Measured = [QuestionType.Scale, QuestionType.YesNo, QuestionType.LongText];

    private sealed record Answer(Guid SubmissionId, Guid? AgencyId, FormPurpose Purpose, string Key, string Text, QuestionType Type, string Value);

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

        var answers = await (
                from a in db.Set<FormAnswer>().AsNoTracking()
                join s in submissions on a.SubmissionId equals s.Id
                join q in db.Set<FormQuestion>() on a.QuestionId equals q.Id
                join f in db.Set<Form>() on s.FormId equals f.Id
                where Series.Contains(f.Purpose) && Measured.Contains(q.Type)
                select new Answer(s.Id, s.AgencyId, f.Purpose, q.Key, q.Text, q.Type, a.Value))
            .ToListAsync(cancellationToken);

        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var questions = answers.GroupBy(a => a.Key)
            .Select(g => (Key: g.Key, Type: g.First().Type,
                Text: g.OrderBy(a => Array.IndexOf(Series, a.Purpose)).First().Text,
                Order: g.Min(a => Array.IndexOf(Series, a.Purpose))))
            .OrderBy(q => q.Type == QuestionType.LongText).ThenBy(q => q.Type == QuestionType.YesNo).ThenBy(q => q.Order).ThenBy(q => q.Key, StringComparer.Ordinal)
            .ToList();

        var rows = new List<ChangeRow>();
        void AddGroup(string group, IReadOnlyCollection<Answer> theirs)
        {
            foreach (var question in questions)
            {
                foreach (var purpose in Series)
                {
                    var given = theirs.Where(a => a.Key == question.Key && a.Purpose == purpose).ToList();
                    if (given.Count == 0)
                    {
                        continue;
                    }

                    rows.Add(Row(group, question.Key, question.Text, question.Type, Stage(purpose), given));
                }
            }
        }

        if (scope.AgencyId is null)
        {
            AddGroup(ChangeFigures.Everyone, answers);
        }

        foreach (var agency in agencies.Where(a => scope.AgencyId is null || a.Id == scope.AgencyId))
        {
            AddGroup(agency.Name, answers.Where(a => a.AgencyId == agency.Id).ToList());
        }

        return new ChangeFigures(rows);
    }

    private static ChangeStage Stage(FormPurpose purpose) => purpose switch
    {
        FormPurpose.EventBaseline => ChangeStage.Before,
        FormPurpose.EventEvaluation => ChangeStage.StraightAfter,
        _ => ChangeStage.FollowUp,
    };

    private static ChangeRow Row(string group, string key, string text, QuestionType type, ChangeStage stage, List<Answer> given)
    {
        // One answer per submission and question: people, as far as anonymous forms let anyone count them.
        var answered = given.Select(a => a.SubmissionId).Distinct().Count();
        if (SmallGroups.Hidden(answered))
        {
            return new ChangeRow(group, key, text, stage, answered, null, null);
        }

        return type switch
        {
            QuestionType.Scale => new ChangeRow(group, key, text, stage, answered,
                given.Average(a => int.Parse(a.Value, CultureInfo.InvariantCulture)),
                new[] { "1", "2", "3", "4", "5" }.Select(score => (score, given.Count(a => a.Value == score))).ToList()),
            QuestionType.YesNo => new ChangeRow(group, key, text, stage, answered, null,
                new List<(string, int)> { ("Yes", given.Count(a => a.Value == "yes")), ("No", given.Count(a => a.Value == "no")) }),
            _ => new ChangeRow(group, key, text, stage, answered, null, null),
        };
    }
}
