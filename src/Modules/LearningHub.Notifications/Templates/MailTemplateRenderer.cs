using System.Text;
using System.Text.Encodings.Web;

namespace LearningHub.Notifications.Templates;

/// <summary>
/// Checks and fills in mail templates: a subject, a plain-text body and an HTML body containing
/// placeholders such as <c>{{ recipient.name }}</c> or <c>{{ board.contactEmail }}</c>.
/// </summary>
/// <remarks>
/// <para>
/// Syntax: <c>{{ name }}</c>, where a name is lower-camel words joined by dots
/// (<c>[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*</c>, case-sensitive). Spaces inside the braces are
/// optional: <c>{{name}}</c> and <c>{{  name  }}</c> are the same. To show braces as text, double them:
/// <c>{{{{</c> gives <c>{{</c> and <c>}}}}</c> gives <c>}}</c>. There are no conditions or loops.
/// </para>
/// <para>
/// Stateless and thread-safe: one instance can be shared (registered as a singleton).
/// </para>
/// </remarks>
public sealed class MailTemplateRenderer
{
    // Line breaks of every kind: in a subject they could start a new mail header.
    private static readonly char[] LineBreaks = ['\r', '\n', '\u0085', '\u2028', '\u2029'];

    private readonly HtmlEncoder _htmlEncoder = HtmlEncoder.Default;

    /// <summary>
    /// Checks a subject and bodies against the template's definition, as a BoardAdmin saves them:
    /// every placeholder must be one the template offers, braces must pair up, the subject must be one
    /// non-empty line, and both bodies must name the board and its contact address.
    /// </summary>
    public TemplateValidation Validate(MailTemplateDefinition definition, string? subject, string? textBody, string? htmlBody)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<TemplateProblem>();

        subject ??= "";
        if (string.IsNullOrWhiteSpace(subject))
        {
            problems.Add(new TemplateProblem(MailTemplatePart.Subject, "Enter a subject"));
        }
        else if (subject.IndexOfAny(LineBreaks) >= 0)
        {
            problems.Add(new TemplateProblem(MailTemplatePart.Subject, "The subject must be on one line"));
        }

        CheckPlaceholders(definition, MailTemplatePart.Subject, subject, problems);
        CheckBody(definition, MailTemplatePart.TextBody, "plain-text body", textBody ?? "", problems);
        CheckBody(definition, MailTemplatePart.HtmlBody, "HTML body", htmlBody ?? "", problems);
        return new TemplateValidation(problems);
    }

    /// <summary>
    /// Fills in a template. The subject and plain-text body get the values as given (with line breaks
    /// taken out of the subject); the HTML body gets them HTML-encoded. A placeholder with no value
    /// becomes empty text and is listed in <see cref="RenderedMail.MissingValues"/>.
    /// </summary>
    /// <exception cref="MailTemplateException">The template does not pass <see cref="Validate"/>.</exception>
    public RenderedMail Render(
        MailTemplateDefinition definition,
        string subject,
        string textBody,
        string htmlBody,
        IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var validation = Validate(definition, subject, textBody, htmlBody);
        if (!validation.IsValid)
        {
            throw new MailTemplateException(definition.Key, validation);
        }

        var missing = new List<string>();
        string ValueOf(string name)
        {
            if (values.TryGetValue(name, out var value) && value is not null)
            {
                return value;
            }

            if (!missing.Contains(name))
            {
                missing.Add(name);
            }

            return "";
        }

        var renderedSubject = OneLine(Fill(subject, ValueOf));
        var renderedText = Fill(textBody, ValueOf);

        // Only the values are encoded. The HTML template itself is trusted: it is written by the board's
        // BoardAdmin (or shipped with the site), who may use any markup. Values carry user content
        // (names, event titles), so encoding them means nobody can inject markup into a mail, in text or
        // in a double-quoted attribute such as href="{{ link }}".
        var renderedHtml = Fill(htmlBody, name => _htmlEncoder.Encode(ValueOf(name)));

        return new RenderedMail(renderedSubject, renderedText, renderedHtml, missing);
    }

    /// <summary>Fills in a template with each placeholder's sample value, for the BoardAdmin's preview.</summary>
    /// <exception cref="MailTemplateException">The template does not pass <see cref="Validate"/>.</exception>
    public RenderedMail Preview(MailTemplateDefinition definition, string subject, string textBody, string htmlBody) =>
        Preview(definition, subject, textBody, htmlBody, new Dictionary<string, string>());

    /// <summary>
    /// Fills in a template with sample values, except where <paramref name="values"/> gives a real one
    /// (for example the board's own name and contact, so the preview looks like the board's mail).
    /// </summary>
    /// <exception cref="MailTemplateException">The template does not pass <see cref="Validate"/>.</exception>
    public RenderedMail Preview(
        MailTemplateDefinition definition,
        string subject,
        string textBody,
        string htmlBody,
        IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(values);
        var merged = new Dictionary<string, string>(definition.SampleValues(), StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            merged[name] = value;
        }

        return Render(definition, subject, textBody, htmlBody, merged);
    }

    private static void CheckBody(MailTemplateDefinition definition, string field, string label, string body, List<TemplateProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add(new TemplateProblem(field, $"Enter the {label}"));
            return;
        }

        var used = CheckPlaceholders(definition, field, body, problems);

        // The issue's rule: every mail shows the board's name and contact, whichever body is read.
        if (!used.Contains(MailPlaceholders.BoardName) || !used.Contains(MailPlaceholders.BoardContactEmail))
        {
            problems.Add(new TemplateProblem(field,
                $"The {label} must include {Written(MailPlaceholders.BoardName)} and {Written(MailPlaceholders.BoardContactEmail)}, " +
                "so that everyone who reads it knows who sent it and how to contact them"));
        }
    }

    /// <summary>Adds the syntax and unknown-placeholder problems of one part; returns the names it uses.</summary>
    private static HashSet<string> CheckPlaceholders(MailTemplateDefinition definition, string field, string template, List<TemplateProblem> problems)
    {
        var parsed = TemplateParser.Parse(template);
        var allowed = definition.AllowedPlaceholders.Select(p => p.Name).ToList();
        var multiline = template.IndexOf('\n') >= 0;
        int? LineOf(int index) => multiline ? TemplateParser.LineOf(template, index) : null;

        // Reported in the order they appear, so the first problem in the list is the first in the text.
        var found = new List<(int Index, TemplateProblem Problem)>();
        foreach (var error in parsed.Errors)
        {
            var message = error.Kind switch
            {
                TemplateSyntaxErrorKind.Unclosed =>
                    $"{{{{ without a closing }}}} at \"{error.Snippet}\". Close the placeholder with }}}}, or write {{{{{{{{ to show {{{{ as text",
                TemplateSyntaxErrorKind.UnexpectedClose =>
                    $"}}}} without an opening {{{{ at \"{error.Snippet}\". Open the placeholder with {{{{, or write }}}}}}}} to show }}}} as text",
                _ when error.Name.Length == 0 =>
                    $"{error.Snippet} is empty. Put a placeholder between the braces. {UseOneOf(allowed, "")}",
                _ =>
                    $"{error.Snippet} is not a placeholder. A placeholder name starts with a lower-case letter, has only letters and digits, " +
                    $"and joins words with dots, like {Written(MailPlaceholders.BoardContactEmail)}. {UseOneOf(allowed, error.Name)}",
            };
            found.Add((error.Index, new TemplateProblem(field, message, LineOf(error.Index))));
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var placeholder in parsed.Placeholders)
        {
            var name = placeholder.Placeholder!;
            used.Add(name);

            // Once per name and part: a misspelling repeated five times is one thing to fix.
            if (!allowed.Contains(name, StringComparer.Ordinal) && reported.Add(name))
            {
                var message = $"{Written(name)} is not a placeholder this template offers. {UseOneOf(allowed, name)}";
                found.Add((placeholder.Index, new TemplateProblem(field, message, LineOf(placeholder.Index))));
            }
        }

        problems.AddRange(found.OrderBy(f => f.Index).Select(f => f.Problem));
        return used;
    }

    private static string UseOneOf(IReadOnlyList<string> allowed, string attempted)
    {
        var closest = Closest(allowed, attempted);
        var suggestion = closest is null ? "" : $"Did you mean {Written(closest)}? ";
        return $"{suggestion}Use one of: {string.Join(", ", allowed.Select(Written))}";
    }

    /// <summary>The allowed name the attempt was most likely meant to be: same but for case, or at most two edits away.</summary>
    private static string? Closest(IReadOnlyList<string> allowed, string attempted)
    {
        if (attempted.Length == 0)
        {
            return null;
        }

        var sameButCase = allowed.FirstOrDefault(a => string.Equals(a, attempted, StringComparison.OrdinalIgnoreCase));
        if (sameButCase is not null)
        {
            return sameButCase;
        }

        var best = allowed
            .Select(a => (Name: a, Distance: EditDistance(a, attempted)))
            .OrderBy(a => a.Distance)
            .First();
        return best.Distance <= 2 ? best.Name : null;
    }

    // Levenshtein distance; names are short, so the plain two-row version is plenty.
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Written(string name) => $"{{{{ {name} }}}}";

    private static string Fill(string template, Func<string, string> valueOf)
    {
        var builder = new StringBuilder(template.Length);
        foreach (var segment in TemplateParser.Parse(template).Segments)
        {
            builder.Append(segment.Placeholder is { } name ? valueOf(name) : segment.Text);
        }

        return builder.ToString();
    }

    // A subject is one header line: a value with line breaks (a pasted event title, or an attempt to add
    // headers) is joined up with spaces.
    private static string OneLine(string subject)
    {
        if (subject.IndexOfAny(LineBreaks) < 0)
        {
            return subject;
        }

        var parts = subject.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts);
    }
}
