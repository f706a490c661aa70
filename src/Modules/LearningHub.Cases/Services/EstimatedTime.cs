using System.Text.RegularExpressions;
using LearningHub.Cases.Domain;

namespace LearningHub.Cases.Services;

/// <summary>
/// How long a version takes, worked out from what a practitioner reads and answers rather than typed by
/// an author: the words its pages show at <see cref="WordsPerMinute"/> plus <see cref="MinutesPerQuestion"/>
/// for each reflective question. Computed once, when the version is published (recipe step and workflow),
/// and kept on the version, so the catalogue, module page and certificate show the same figure.
/// </summary>
public static partial class EstimatedTime
{
    public const int WordsPerMinute = 200;

    public const int MinutesPerQuestion = 3;

    /// <summary>The longest a module (or each part of one) should take; longer ones are split into parts.</summary>
    public const int MostMinutesPerPart = 45;

    public static int Minutes(CaseModuleVersion version, int questionCount) =>
        Minutes(WordsShown(version), questionCount);

    public static int Minutes(int words, int questionCount) =>
        Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute) + questionCount * MinutesPerQuestion);

    /// <summary>
    /// The words the module and section pages show: the module page's summary, warning and key messages, every
    /// section's text, and the version's timeline, findings, recommendations, board response and practice actions
    /// once each (each shown by the first section of its kind, <see cref="SectionContent.Shows"/>).
    /// </summary>
    public static int WordsShown(CaseModuleVersion version)
    {
        var words = Count(version.Summary) + Count(version.ContentWarning) + Count(version.KeyMessages);
        foreach (var section in version.Sections)
        {
            words += Count(section.Title) + Count(section.Body);
            if (!SectionContent.Shows(version, section))
            {
                continue;
            }

            words += section.Kind switch
            {
                SectionKind.Chronology => version.Chronology.Sum(c => Count(c.When) + Count(c.What) + Count(c.Agencies)),
                SectionKind.AnalysisOfPractice => version.Findings.Sum(f => Count(f.Text) + Count(f.LinesOfEnquiry)),
                SectionKind.Recommendations => version.Recommendations.Sum(r => Count(r.Text) + Count(r.Rationale)),
                SectionKind.BoardResponse => Count(version.BoardResponse),
                SectionKind.PracticeActions => version.PracticeActions.Sum(a => Count(a.Text)),
                _ => 0,
            };
        }

        return words;
    }

    private static int Count(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : Word().Count(text);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Word();
}

/// <summary>
/// Which section shows the version's own lists. The timeline, findings, recommendations, board response and
/// practice actions belong to the version, not to a section, so only the first section of the matching kind
/// shows them: a review with several analysis sections shows its findings once, not after each of them.
/// </summary>
public static class SectionContent
{
    public static bool Shows(CaseModuleVersion version, CaseSection section) =>
        version.Sections.Where(s => s.Kind == section.Kind).MinBy(s => s.Position)?.Id == section.Id;
}
