using System.Text;
using System.Text.RegularExpressions;

namespace LearningHub.Notifications.Templates;

/// <summary>
/// Splits a template into literal text and placeholders. It knows the syntax only; which names a
/// template offers is for <see cref="MailTemplateRenderer"/> to judge.
/// </summary>
/// <remarks>
/// Syntax: <c>{{ name }}</c> or <c>{{ board.name }}</c>, spaces inside the braces optional. Names are
/// lower-camel segments joined by dots. <c>{{{{</c> stands for a literal <c>{{</c> and <c>}}}}</c> for a
/// literal <c>}}</c>. A placeholder never spans lines, so a forgotten <c>}}</c> is reported where it
/// was forgotten rather than swallowing text up to the next one.
/// </remarks>
internal static partial class TemplateParser
{
    private const string Open = "{{";
    private const string Close = "}}";
    private const string EscapedOpen = "{{{{";
    private const string EscapedClose = "}}}}";

    // \z rather than $: $ would accept a trailing newline.
    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderName();

    public static bool IsValidName(string name) => PlaceholderName().IsMatch(name);

    public static ParsedTemplate Parse(string template)
    {
        var segments = new List<TemplateSegment>();
        var errors = new List<TemplateSyntaxError>();
        var literal = new StringBuilder();
        var literalStart = 0;
        var i = 0;

        void AppendLiteral(string text)
        {
            if (literal.Length == 0)
            {
                literalStart = i;
            }

            literal.Append(text);
        }

        void FlushLiteral()
        {
            if (literal.Length > 0)
            {
                segments.Add(new TemplateSegment(literal.ToString(), null, literalStart));
                literal.Clear();
            }
        }

        while (i < template.Length)
        {
            if (At(template, i, EscapedOpen))
            {
                AppendLiteral(Open);
                i += EscapedOpen.Length;
            }
            else if (At(template, i, EscapedClose))
            {
                AppendLiteral(Close);
                i += EscapedClose.Length;
            }
            else if (At(template, i, Open))
            {
                var close = template.IndexOf(Close, i + Open.Length, StringComparison.Ordinal);
                var content = close < 0 ? null : template[(i + Open.Length)..close];
                if (content is null || content.Contains(Open, StringComparison.Ordinal) || content.AsSpan().IndexOfAny('\r', '\n') >= 0)
                {
                    errors.Add(new TemplateSyntaxError(TemplateSyntaxErrorKind.Unclosed, i, Snippet(template, i), ""));
                    // Keep going after the stray braces so later placeholders are still checked.
                    AppendLiteral(Open);
                    i += Open.Length;
                    continue;
                }

                var name = content.Trim();
                var raw = template[i..(close + Close.Length)];
                if (IsValidName(name))
                {
                    FlushLiteral();
                    segments.Add(new TemplateSegment(raw, name, i));
                }
                else
                {
                    errors.Add(new TemplateSyntaxError(TemplateSyntaxErrorKind.BadName, i, raw, name));
                    AppendLiteral(raw);
                }

                i = close + Close.Length;
            }
            else if (At(template, i, Close))
            {
                errors.Add(new TemplateSyntaxError(TemplateSyntaxErrorKind.UnexpectedClose, i, SnippetBefore(template, i + Close.Length), ""));
                AppendLiteral(Close);
                i += Close.Length;
            }
            else
            {
                // Copy plain text up to the next brace in one go.
                var next = template.IndexOfAny(['{', '}'], i + 1);
                next = next < 0 ? template.Length : next;
                AppendLiteral(template[i..next]);
                i = next;
            }
        }

        FlushLiteral();
        return new ParsedTemplate(segments, errors);
    }

    /// <summary>1-based line of a position, for messages about long bodies.</summary>
    public static int LineOf(string template, int index) => template.AsSpan(0, index).Count('\n') + 1;

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    // Enough of the text to find the spot: from the braces to the end of the line, at most 24 characters.
    private static string Snippet(string text, int start)
    {
        var end = text.IndexOfAny(['\r', '\n'], start);
        end = end < 0 ? text.Length : end;
        return text[start..Math.Min(end, start + 24)].TrimEnd();
    }

    private static string SnippetBefore(string text, int end)
    {
        var start = text.LastIndexOfAny(['\r', '\n'], end - 1) + 1;
        return text[Math.Max(start, end - 24)..end].TrimStart();
    }
}

/// <summary>A run of literal text (Placeholder null) or one placeholder (Text holds it as written).</summary>
internal readonly record struct TemplateSegment(string Text, string? Placeholder, int Index);

internal enum TemplateSyntaxErrorKind
{
    /// <summary>"{{" with no "}}" after it on the same line.</summary>
    Unclosed,

    /// <summary>"}}" with no "{{" before it.</summary>
    UnexpectedClose,

    /// <summary>Braces around something that is not a placeholder name.</summary>
    BadName,
}

/// <param name="Snippet">The template text around the problem, as written.</param>
/// <param name="Name">For <see cref="TemplateSyntaxErrorKind.BadName"/>, what was between the braces, trimmed.</param>
internal sealed record TemplateSyntaxError(TemplateSyntaxErrorKind Kind, int Index, string Snippet, string Name);

internal sealed record ParsedTemplate(IReadOnlyList<TemplateSegment> Segments, IReadOnlyList<TemplateSyntaxError> Errors)
{
    public IEnumerable<TemplateSegment> Placeholders => Segments.Where(s => s.Placeholder is not null);
}
