using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using LearningHub.Content.Domain;

namespace LearningHub.Content.Services;

/// <summary>One line of a field's difference: added, removed or unchanged.</summary>
public sealed record ChangedLine(ChangeType Type, string Text);

/// <summary>A field of a page version (title, summary, text) that differs from the version before, line by line.</summary>
public sealed record FieldChange(string Field, IReadOnlyList<ChangedLine> Lines);

/// <summary>What changed between two versions of a page: DiffPlex's line diff of each field that differs.</summary>
public static class PageVersionChanges
{
    public static IReadOnlyList<FieldChange> Compare(BoardPageVersion from, BoardPageVersion to)
    {
        var changes = new List<FieldChange>();
        void Field(string name, string? a, string? b)
        {
            a ??= "";
            b ??= "";
            if (string.Equals(a.ReplaceLineEndings(), b.ReplaceLineEndings(), StringComparison.Ordinal))
            {
                return;
            }

            var diff = InlineDiffBuilder.Diff(a.ReplaceLineEndings("\n"), b.ReplaceLineEndings("\n"), ignoreWhiteSpace: false);
            changes.Add(new FieldChange(name, diff.Lines.Select(l => new ChangedLine(l.Type, l.Text ?? "")).ToList()));
        }

        Field("Title", from.Title, to.Title);
        Field("Summary", from.Summary, to.Summary);
        Field("Text", from.Body, to.Body);
        return changes;
    }
}
