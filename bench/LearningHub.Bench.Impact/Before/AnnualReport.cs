// The Impact services as they were at 651ec93, before the benchmark (issue 18, acceptance 5) pushed their work into SQL.
// Kept only so one run of the benchmark times both and checks that both give the same tables; delete when that is no longer wanted.
using System.Globalization;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Time;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;

using LearningHub.Impact.Services;

namespace LearningHub.Bench.Impact.Before;

/// <summary>
/// What a partnership reports each year: reviews published, recommendations by status with their history, learning
/// delivered, reach against the workforce, change measured and quotes of practice change. Built as
/// <see cref="ReportTable"/>s, so the page, its CSVs and its PDF hold the same figures. For an agency lead, only
/// reach and change, of their agency.
/// </summary>
internal sealed class AnnualReport(LearningHubDbContext db, RecommendationRecord recommendations, ImpactReach reach, ImpactChange change)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<AnnualReportView> ForAsync(ReportPeriod period, Guid? agencyId, CancellationToken cancellationToken = default)
    {
        var scope = ImpactScope.ForPeriod(period) with { AgencyId = agencyId };
        var sections = new List<ReportSection>();
        string? agencyName = null;
        if (agencyId is { } id)
        {
            agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        }
        else
        {
            sections.Add(await ReviewsAsync(period, cancellationToken));
            sections.Add(await RecommendationsAsync(period, cancellationToken));
            sections.Add(await LearningAsync(period, cancellationToken));
        }

        var reached = await reach.ForAsync(scope, cancellationToken);
        sections.Add(new ReportSection("reach", "Reach against the workforce",
            $"{ImpactTables.Number(reached.People)} {(reached.People == 1 ? "person" : "different people")} completed a case learning module or attended an event in the period, each counted once. Workforce figures are the board's own estimates.",
            [ImpactTables.ReachByAgency("", reached), ImpactTables.ReachBySector("", reached)]));
        var changed = await change.ForAsync(scope, cancellationToken);
        var changeTables = new List<ReportTable>();
        if (changed.ForEveryone.Any())
        {
            changeTables.Add(ImpactTables.ChangeForEveryone("", changed));
        }

        if (changed.ByAgency.Any())
        {
            changeTables.Add(ImpactTables.ChangeByAgency("", changed));
        }

        sections.Add(new ReportSection("change", "Change measured",
            $"Answers to the events' questions before, straight after and at follow-up, given in the period. Any group of fewer than {LearningHub.Core.Privacy.SmallGroups.Threshold} people shows “{LearningHub.Core.Privacy.SmallGroups.TooFew}”.",
            changeTables));
        if (agencyId is null)
        {
            sections.Add(await QuotesAsync(period, cancellationToken));
        }

        return new AnnualReportView(period, agencyName, sections);
    }

    /// <summary>The most quotes the pack shows, newest first.</summary>
    public const int MostQuotes = 30;

    /// <summary>
    /// Quotes of practice change: answers given in the period to questions whose answers may be quoted (the person was
    /// told so under the question), without a name, an agency or a date; never module reflections (a practitioner's
    /// own CPD record); and none of a question fewer than the small-group threshold answered in the period.
    /// </summary>
    private async Task<ReportSection> QuotesAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var answers = await (
                from a in db.Set<FormAnswer>().AsNoTracking()
                join q in db.Set<FormQuestion>() on a.QuestionId equals q.Id
                join s in db.Set<FormSubmission>() on a.SubmissionId equals s.Id
                join f in db.Set<Form>() on s.FormId equals f.Id
                where q.MayQuoteAnonymously && f.Purpose != FormPurpose.ModuleReflection
                      && s.SubmittedUtc >= period.FromUtc && s.SubmittedUtc < period.ToUtc
                select new { q.Key, q.Text, a.Value, s.SubmittedUtc })
            .ToListAsync(cancellationToken);
        var quoted = answers.Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .GroupBy(a => a.Key).Where(g => !LearningHub.Core.Privacy.SmallGroups.Hidden(g.Count()))
            .SelectMany(g => g)
            .OrderByDescending(a => a.SubmittedUtc).Take(MostQuotes)
            .Select(a => (IReadOnlyList<string>)[a.Value.Trim(), a.Text])
            .ToList();
        var tables = quoted.Count == 0 ? new List<ReportTable>()
            : [new ReportTable("quotes", "What people said they now do differently", ["Quote", "Question"], quoted, new HashSet<int>())];
        return new ReportSection("quotes", "Quotes of practice change",
            $"Only answers to questions that told people their answer may be quoted without their name; none of a question fewer than {LearningHub.Core.Privacy.SmallGroups.Threshold} people answered in the period; at most the {MostQuotes} newest.",
            tables);
    }

    private async Task<ReportSection> ReviewsAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var rows = await db.Set<CaseModule>().AsNoTracking()
            .Join(db.Set<CaseModuleVersion>(), m => m.PublishedVersionId, v => v.Id, (m, v) => new { v.Title, v.ReviewType, v.ReviewPublishedOn })
            .Where(x => x.ReviewPublishedOn >= period.From && x.ReviewPublishedOn <= period.To)
            .OrderBy(x => x.ReviewPublishedOn).ThenBy(x => x.Title)
            .ToListAsync(cancellationToken);
        var table = new ReportTable("reviews", "Reviews published in the period", ["Review", "Type", "Published"],
            rows.Select(r => (IReadOnlyList<string>)[r.Title, CaseText.Of(r.ReviewType), r.ReviewPublishedOn!.Value.ToString("d MMMM yyyy", English)]).ToList(),
            new HashSet<int>());
        return new ReportSection("reviews", "Reviews published", $"{rows.Count} {(rows.Count == 1 ? "review" : "reviews")} published in the period.", [table]);
    }

    private async Task<ReportSection> RecommendationsAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var all = await recommendations.Published().OrderBy(r => r.ModuleTitle).ThenBy(r => r.Position).ToListAsync(cancellationToken);
        var changes = await db.Set<RecommendationUpdate>().AsNoTracking()
            .Where(u => u.On >= period.From && u.On <= period.To)
            .OrderBy(u => u.On).ThenBy(u => u.RecordedUtc)
            .ToListAsync(cancellationToken);
        var byStatus = new ReportTable("recommendations-by-status", "Recommendations by current status", ["Status", "Recommendations"],
            RecommendationRecord.Recordable.Prepend(RecommendationStatus.NotYetKnown)
                .Select(s => (IReadOnlyList<string>)[CaseText.Of(s), ImpactTables.Number(all.Count(r => r.Status == s))]).ToList(),
            new HashSet<int> { 1 }, "1");
        var history = new ReportTable("recommendations", "Each recommendation, its current status and its changes in the period",
            ["Recommendation", "Review", "Current status", "Changes in the period"],
            all.Select(r => (IReadOnlyList<string>)[
                $"{r.Number}. {r.Text}", r.ModuleTitle, CaseText.Of(r.Status),
                string.Join("; ", changes.Where(u => u.ModuleId == r.ModuleId && u.Number == r.Number)
                    .Select(u => $"{u.On.ToString("d MMMM yyyy", English)}: {CaseText.Of(u.Status)}{(u.Note is null ? "" : $" ({u.Note})")}"))]).ToList(),
            new HashSet<int>());
        return new ReportSection("recommendations", "Recommendations", null, [byStatus, history]);
    }

    private async Task<ReportSection> LearningAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var completions = await db.Set<CaseProgress>().AsNoTracking()
            .Where(p => p.CompletedUtc >= period.FromUtc && p.CompletedUtc < period.ToUtc)
            .GroupBy(p => p.ModuleId).Select(g => new { ModuleId = g.Key, People = g.Select(p => p.UserId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var moduleIds = completions.Select(c => c.ModuleId).ToList();
        var modules = await db.Set<CaseModule>().AsNoTracking().Where(m => moduleIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, cancellationToken);
        var came = ReachReport.CameMarks;
        var events = await db.Set<LearningEvent>().AsNoTracking().IgnoreAutoIncludes()
            .Where(e => e.Status == EventStatus.Published && e.StartUtc >= period.FromUtc && e.StartUtc < period.ToUtc)
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.StartUtc,
                e.RoadshowId,
                Attended = db.Set<Booking>().Count(b => b.EventId == e.Id && b.Attendance != null && came.Contains(b.Attendance.Value)),
            })
            .OrderBy(e => e.StartUtc)
            .ToListAsync(cancellationToken);
        var roadshowIds = events.Where(e => e.RoadshowId != null).Select(e => e.RoadshowId!.Value).Distinct().ToList();
        var roadshows = await db.Set<Roadshow>().AsNoTracking().Where(r => roadshowIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);

        var rows = new List<IReadOnlyList<string>>();
        rows.AddRange(completions.Where(c => modules.ContainsKey(c.ModuleId)).OrderBy(c => modules[c.ModuleId])
            .Select(c => (IReadOnlyList<string>)[modules[c.ModuleId], "Case learning module", "", ImpactTables.Number(c.People)]));
        rows.AddRange(roadshowIds.OrderBy(id => roadshows.GetValueOrDefault(id))
            .Select(id =>
            {
                var sessions = events.Where(e => e.RoadshowId == id).ToList();
                return (IReadOnlyList<string>)[roadshows.GetValueOrDefault(id) ?? "Roadshow", "Roadshow",
                    sessions.Count == 1 ? "1 session" : $"{sessions.Count} sessions", ImpactTables.Number(sessions.Sum(e => e.Attended))];
            }));
        rows.AddRange(events.Where(e => e.RoadshowId is null)
            .Select(e => (IReadOnlyList<string>)[e.Title, "Event", LondonTime.ToLondon(e.StartUtc).ToString("d MMMM yyyy", English), ImpactTables.Number(e.Attended)]));
        var table = new ReportTable("learning", "Learning delivered in the period", ["Learning", "Kind", "When", "People who completed or attended"],
            rows, new HashSet<int> { 3 });
        return new ReportSection("learning", "Learning delivered", null, [table]);
    }
}
