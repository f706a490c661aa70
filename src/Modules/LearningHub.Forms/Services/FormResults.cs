using System.Globalization;
using CsvHelper;
using LearningHub.Core.Data;
using LearningHub.Core.Privacy;
using LearningHub.Core.Taxonomies;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Services;

/// <summary>Which submissions results count: all, or those of one context, agency, sector, locality or period.</summary>
public sealed record ResultsFilter(string? Context = null, Guid? AgencyId = null, Sector? Sector = null, Guid? LocalityId = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>One row of a distribution: an answer and how many gave it. Count is null when suppressed.</summary>
public sealed record DistributionRow(string Label, int? Count, int Percent);

public sealed record TextAnswer(string Text, string? RespondentName, DateTime SubmittedUtc);

public sealed record QuestionResult(string Key, string Text, QuestionType Type, int? Answered, IReadOnlyList<DistributionRow> Distribution,
    double? Mean, IReadOnlyList<TextAnswer> TextAnswers, bool TextSuppressed);

/// <summary>The same scale question (by key) in one form of the before / after / later series.</summary>
public sealed record ComparisonPoint(string FormTitle, FormPurpose Purpose, int? Answered, double? Mean);

public sealed record ScaleComparison(string QuestionKey, string QuestionText, IReadOnlyList<ComparisonPoint> Points);

public sealed record FormResultsView(Form Form, int Total, bool TotalSuppressed, IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<ScaleComparison> Comparisons, IReadOnlyList<string> Contexts);

/// <summary>
/// Counts and distributions of a form's answers across its versions (questions matched by key), and
/// the CSV export. Anonymous forms never carry a name or email out of here, and any count under
/// <see cref="SmallGroup"/> is withheld ("too few to show") so nobody can be picked out of a small group.
/// </summary>
public sealed class FormResults(LearningHubDbContext db)
{
    /// <summary>The small-group rule's threshold, from its one home (<see cref="SmallGroups"/>).</summary>
    public const int SmallGroup = SmallGroups.Threshold;

    private static readonly FormPurpose[] Series = [FormPurpose.EventBaseline, FormPurpose.EventEvaluation, FormPurpose.FollowUp];

    public async Task<FormResultsView> ForFormAsync(Form form, ResultsFilter filter, CancellationToken cancellationToken = default)
    {
        var questions = await QuestionsByKeyAsync(form.Id, cancellationToken);
        var submissions = await SubmissionsAsync(form.Id, filter, cancellationToken);
        var suppress = FormPrivacy.HidesNames(form);
        var results = new List<QuestionResult>();
        foreach (var (key, latest, ids) in questions)
        {
            var answers = submissions.SelectMany(s => s.Answers.Where(a => ids.Contains(a.QuestionId)).Select(a => (Submission: s, Answer: a))).ToList();
            int? Shown(int count) => suppress ? SmallGroups.Shown(count) : count;
            var distribution = new List<DistributionRow>();
            double? mean = null;
            var labels = latest.Type switch
            {
                QuestionType.SingleChoice or QuestionType.MultipleChoice =>
                    latest.Options.Concat(answers.SelectMany(a => a.Answer.Values)).Distinct(StringComparer.Ordinal).ToList(),
                QuestionType.YesNo => ["yes", "no"],
                QuestionType.Scale => ["1", "2", "3", "4", "5"],
                _ => null,
            };
            if (labels is not null)
            {
                foreach (var label in labels)
                {
                    var count = answers.Count(a => a.Answer.Values.Contains(label, StringComparer.Ordinal));
                    var percent = answers.Count == 0 ? 0 : (int)Math.Round(100.0 * count / answers.Count);
                    distribution.Add(new DistributionRow(Label(latest, label), Shown(count), Shown(count) is null ? 0 : percent));
                }

                if (latest.Type == QuestionType.Scale && Shown(answers.Count) is not null && answers.Count > 0)
                {
                    mean = answers.Average(a => int.Parse(a.Answer.Value, CultureInfo.InvariantCulture));
                }
            }

            var texts = new List<TextAnswer>();
            var textSuppressed = false;
            if (labels is null)
            {
                textSuppressed = suppress && SmallGroups.Hidden(answers.Count);
                if (!textSuppressed)
                {
                    texts = answers.OrderByDescending(a => a.Submission.SubmittedUtc)
                        .Select(a => new TextAnswer(a.Answer.Value, FormPrivacy.HidesNames(form) ? null : a.Submission.RespondentName, a.Submission.SubmittedUtc!.Value))
                        .ToList();
                }
            }

            results.Add(new QuestionResult(key, latest.Text, latest.Type, Shown(answers.Count), distribution, mean, texts, textSuppressed));
        }

        var contexts = await db.Set<FormSubmission>().Where(s => s.FormId == form.Id && s.SubmittedUtc != null)
            .Select(s => s.Context).Distinct().OrderBy(c => c).Take(500).ToListAsync(cancellationToken);
        var comparisons = await ComparisonsAsync(form, questions, filter, cancellationToken);
        return new FormResultsView(form, submissions.Count, suppress && SmallGroups.Hidden(submissions.Count), results, comparisons, contexts);
    }

    /// <summary>
    /// Every submitted answer as CSV, one row per submission, one column per question key. Named forms
    /// add name and email; anonymous forms leave them out, and agency and locality too (sector only),
    /// and give no rows at all under <see cref="SmallGroup"/> submissions. Cells starting with
    /// <c>= + - @</c> (or a tab or carriage return) are prefixed with a quote so a spreadsheet never runs them.
    /// </summary>
    public async Task WriteCsvAsync(Form form, ResultsFilter filter, TextWriter writer, CancellationToken cancellationToken = default)
    {
        var questions = await QuestionsByKeyAsync(form.Id, cancellationToken);
        var submissions = await SubmissionsAsync(form.Id, filter, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var localities = await db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        await using var csv = new SafeCsv(CsvWriter.Create(writer, null, leaveOpen: true));

        var header = new List<string> { "Submitted" };
        if (!FormPrivacy.HidesNames(form))
        {
            header.AddRange(["Name", "Email", "Agency"]);
        }

        header.Add("Sector");
        if (!FormPrivacy.HidesNames(form))
        {
            header.Add("Locality");
        }

        header.Add("Context");
        header.AddRange(questions.Select(q => q.Key));
        foreach (var cell in header)
        {
            csv.WriteField(cell);
        }

        await csv.EndRecordAsync(cancellationToken);
        if (FormPrivacy.HidesNames(form) && SmallGroups.Hidden(submissions.Count))
        {
            csv.WriteField("Too few to show: fewer than 5 answers");
            for (var i = 1; i < header.Count; i++)
            {
                csv.WriteField("");
            }

            await csv.EndRecordAsync(cancellationToken);
            return;
        }

        foreach (var submission in submissions.OrderBy(s => s.SubmittedUtc))
        {
            csv.WriteField(FormPrivacy.HidesNames(form)
                ? submission.SubmittedUtc!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : submission.SubmittedUtc!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z");
            if (!FormPrivacy.HidesNames(form))
            {
                csv.WriteField(submission.RespondentName ?? "");
                csv.WriteField(submission.RespondentEmail ?? "");
                csv.WriteField(submission.AgencyId is { } a && agencies.TryGetValue(a, out var agency) ? agency : "");
            }

            csv.WriteField(submission.Sector?.DisplayName() ?? "");
            if (!FormPrivacy.HidesNames(form))
            {
                csv.WriteField(submission.LocalityId is { } l && localities.TryGetValue(l, out var locality) ? locality : "");
            }

            csv.WriteField(submission.Context);
            foreach (var (_, _, ids) in questions)
            {
                var answer = submission.Answers.FirstOrDefault(x => ids.Contains(x.QuestionId));
                csv.WriteField(answer?.Value.Replace("\n", "; ") ?? "");
            }

            await csv.EndRecordAsync(cancellationToken);
        }
    }

    private static string Label(FormQuestion question, string value) => question.Type switch
    {
        QuestionType.YesNo => value == "yes" ? "Yes" : "No",
        QuestionType.Scale when value == "1" && question.ScaleLowLabel is not null => $"1 – {question.ScaleLowLabel}",
        QuestionType.Scale when value == "5" && question.ScaleHighLabel is not null => $"5 – {question.ScaleHighLabel}",
        _ => value,
    };

    /// <summary>The form's questions across all versions, one entry per key: the latest wording and every version's question ids.</summary>
    private async Task<List<(string Key, FormQuestion Latest, HashSet<Guid> Ids)>> QuestionsByKeyAsync(Guid formId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<FormQuestion>().AsNoTracking()
            .Join(db.Set<FormVersion>().Where(v => v.FormId == formId), q => q.FormVersionId, v => v.Id, (q, v) => new { Question = q, v.Number })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Question.Key)
            .Select(g =>
            {
                var latest = g.OrderByDescending(r => r.Number).First();
                return (Key: g.Key, Latest: latest.Question, Ids: g.Select(r => r.Question.Id).ToHashSet(), Order: (-latest.Number, latest.Question.Position));
            })
            .OrderBy(x => x.Order.Item1 == -rows.Max(r => r.Number) ? 0 : 1).ThenBy(x => x.Order.Position)
            .Select(x => (x.Key, x.Latest, x.Ids))
            .ToList();
    }

    private async Task<List<FormSubmission>> SubmissionsAsync(Guid formId, ResultsFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Set<FormSubmission>().AsNoTracking().Include(s => s.Answers).Where(s => s.FormId == formId && s.SubmittedUtc != null);
        return await Filter(query, filter).AsSplitQuery().ToListAsync(cancellationToken);
    }

    private static IQueryable<FormSubmission> Filter(IQueryable<FormSubmission> query, ResultsFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Context))
        {
            query = query.Where(s => s.Context == filter.Context);
        }

        if (filter.AgencyId is { } agency)
        {
            query = query.Where(s => s.AgencyId == agency);
        }

        if (filter.Sector is { } sector)
        {
            query = query.Where(s => s.Sector == sector);
        }

        if (filter.LocalityId is { } locality)
        {
            query = query.Where(s => s.LocalityId == locality);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(s => s.SubmittedUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(s => s.SubmittedUtc < end);
        }

        return query;
    }

    /// <summary>
    /// For each scale question of the form, the same key in the board's baseline, evaluation and
    /// follow-up forms: how many answered and the mean, under the same filter.
    /// </summary>
    private async Task<List<ScaleComparison>> ComparisonsAsync(Form form, List<(string Key, FormQuestion Latest, HashSet<Guid> Ids)> questions,
        ResultsFilter filter, CancellationToken cancellationToken)
    {
        var scaleKeys = questions.Where(q => q.Latest.Type == QuestionType.Scale).Select(q => q.Key).ToList();
        if (scaleKeys.Count == 0)
        {
            return [];
        }

        var matches = await db.Set<FormQuestion>().AsNoTracking()
            .Where(q => q.Type == QuestionType.Scale && scaleKeys.Contains(q.Key))
            .Join(db.Set<FormVersion>(), q => q.FormVersionId, v => v.Id, (q, v) => new { q.Id, q.Key, v.FormId })
            .Join(db.Set<Form>().Where(f => Series.Contains(f.Purpose)), x => x.FormId, f => f.Id,
                (x, f) => new { x.Id, x.Key, f.Title, f.Purpose, f.IsAnonymous, FormId = f.Id })
            .ToListAsync(cancellationToken);
        if (matches.Select(m => m.FormId).Distinct().Count() < 2)
        {
            return [];
        }

        var questionIds = matches.Select(m => m.Id).ToList();
        var submissions = Filter(db.Set<FormSubmission>().AsNoTracking().Where(s => s.SubmittedUtc != null), filter);
        var values = await db.Set<FormAnswer>().AsNoTracking()
            .Where(a => questionIds.Contains(a.QuestionId) && submissions.Any(s => s.Id == a.SubmissionId))
            .Select(a => new { a.QuestionId, a.Value })
            .ToListAsync(cancellationToken);

        var comparisons = new List<ScaleComparison>();
        foreach (var key in scaleKeys)
        {
            var points = matches.Where(m => m.Key == key)
                .GroupBy(m => new { m.FormId, m.Title, m.Purpose, m.IsAnonymous })
                .OrderBy(g => Array.IndexOf(Series, g.Key.Purpose)).ThenBy(g => g.Key.Title)
                .Select(g =>
                {
                    var ids = g.Select(m => m.Id).ToHashSet();
                    var scores = values.Where(v => ids.Contains(v.QuestionId)).Select(v => int.Parse(v.Value, CultureInfo.InvariantCulture)).ToList();
                    // Any anonymous form in the series makes small groups withheld for all of it.
                    var hidden = (FormPrivacy.HidesNames(form) || g.Key.IsAnonymous) && SmallGroups.Hidden(scores.Count);
                    return new ComparisonPoint(g.Key.Title, g.Key.Purpose, hidden ? null : scores.Count,
                        hidden || scores.Count == 0 ? null : Math.Round(scores.Average(), 1));
                })
                .ToList();
            if (points.Count > 1)
            {
                comparisons.Add(new ScaleComparison(key, questions.First(q => q.Key == key).Latest.Text, points));
            }
        }

        return comparisons;
    }
}

/// <summary>
/// Writes CSV cells so a spreadsheet never runs one as a formula: a cell starting with
/// <c>= + - @</c>, a tab or a carriage return gets a leading apostrophe (OWASP's CSV injection advice).
/// </summary>
internal sealed class SafeCsv(CsvWriter writer) : IAsyncDisposable
{
    public static string Guard(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public void WriteField(string value) => writer.WriteField(Guard(value));

    public async Task EndRecordAsync(CancellationToken cancellationToken) => await writer.EndRecordAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await writer.FlushAsync();
        await writer.DisposeAsync();
    }
}
