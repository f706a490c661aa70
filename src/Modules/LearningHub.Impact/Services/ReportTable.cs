using System.Globalization;
using CsvHelper;
using LearningHub.Core.Learning;
using LearningHub.Core.Privacy;

namespace LearningHub.Impact.Services;

/// <summary>
/// A table of the impact pages, as text cells: the page renders it (<c>_ReportTable</c>) and the CSV writes it
/// (<see cref="WriteCsvAsync"/>), so the download is the table on the page, cell for cell. The first cell of a row
/// is its heading; <see cref="Numeric"/> columns are right-aligned; <see cref="ChartColumns"/> are drawn as bars.
/// </summary>
public sealed record ReportTable(string Id, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlySet<int> Numeric, string? ChartColumns = null)
{
    public string FileName => $"{Id}.csv";

    /// <summary>
    /// Writes the table as CSV, headings first. Names and notes are typed by people: CsvHelper's injection escaping
    /// keeps a cell starting with <c>=</c> (and the like) from becoming a formula in a spreadsheet.
    /// </summary>
    public async Task WriteCsvAsync(TextWriter writer)
    {
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var row in Rows.Prepend(Headers))
        {
            csv.WriteRecord(row.ToArray());
        }
    }
}

/// <summary>The impact figures as tables: one home for how reach and change are laid out, on every page and in every CSV.</summary>
public static class ImpactTables
{
    public static ReportTable Reach(string id, string caption, string groupHeader, IReadOnlyList<ReachGroup> rows, bool withWorkforce) =>
        new(id, caption,
            withWorkforce ? [groupHeader, "People reached", "Workforce", "Share of workforce"] : [groupHeader, "People reached"],
            rows.Select(r => (IReadOnlyList<string>)(withWorkforce
                ? [r.Group, Number(r.People), r.Workforce is { } w ? Number(w) : "not recorded", r.ShareText]
                : [r.Group, Number(r.People)])).ToList(),
            withWorkforce ? new HashSet<int> { 1, 2, 3 } : new HashSet<int> { 1 },
            "1");

    public static ReportTable ReachByAgency(string idPrefix, ReachFigures reach) =>
        Reach($"{idPrefix}reach-by-agency", "People reached by agency, against each agency's workforce", "Agency", reach.ByAgency, true);

    public static ReportTable ReachBySector(string idPrefix, ReachFigures reach) =>
        Reach($"{idPrefix}reach-by-sector", "People reached by sector, against the sector's recorded workforce", "Sector", reach.BySector, true);

    public static ReportTable ReachByLocality(string idPrefix, ReachFigures reach) =>
        Reach($"{idPrefix}reach-by-locality", "People reached by locality", "Locality", reach.ByLocality, false);

    /// <summary>
    /// Change rows as a table: the measure (question and stage), how many answered, the mean of a scale and the count
    /// of each answer. A group under the small-group threshold shows <see cref="SmallGroups.TooFew"/> in every figure.
    /// </summary>
    public static ReportTable Change(string id, string caption, IEnumerable<ChangeRow> rows, bool withGroup) =>
        new(id, caption,
            withGroup ? ["Agency", "Question", "Stage", "Answered", "Mean (1 to 5)", "Answers"] : ["Question and stage", "Answered", "Mean (1 to 5)", "Answers"],
            rows.Select(r =>
            {
                var answered = r.Suppressed ? SmallGroups.TooFew : Number(r.Answered);
                var mean = r.Suppressed ? SmallGroups.TooFew : r.Mean is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "";
                var answers = r.Suppressed ? SmallGroups.TooFew
                    : r.Distribution is { } d ? string.Join("; ", d.Select(x => $"{x.Label}: {x.Count}")) : "";
                return (IReadOnlyList<string>)(withGroup
                    ? [r.Group, r.QuestionText, ChangeRow.StageName(r.Stage), answered, mean, answers]
                    : [$"{r.QuestionText} ({ChangeRow.StageName(r.Stage).ToLowerInvariant()})", answered, mean, answers]);
            }).ToList(),
            withGroup ? new HashSet<int> { 3, 4 } : new HashSet<int> { 1, 2 },
            withGroup ? null : "2");

    public static ReportTable ChangeForEveryone(string idPrefix, ChangeFigures change) =>
        Change($"{idPrefix}change", "Change measured: answers before, straight after and at follow-up", change.ForEveryone, false);

    public static ReportTable ChangeByAgency(string idPrefix, ChangeFigures change) =>
        Change($"{idPrefix}change-by-agency", "Change measured by agency", change.ByAgency, true);

    public static string Number(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
}
