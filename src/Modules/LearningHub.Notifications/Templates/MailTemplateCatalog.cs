using System.Text.RegularExpressions;

namespace LearningHub.Notifications.Templates;

/// <summary>
/// The mail templates the site knows, by key. Each module contributes its definitions (the accounts
/// ones come from <see cref="DefaultMailTemplates"/>); the catalog checks them all when it is built,
/// so a mistake in a shipped template stops the site at start-up rather than in a BoardAdmin's hands.
/// </summary>
public sealed partial class MailTemplateCatalog
{
    private readonly Dictionary<string, MailTemplateDefinition> _byKey = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">
    /// Two definitions share a key, a key or placeholder name is malformed, a template redefines a
    /// common placeholder, or a default subject or body does not pass <see cref="MailTemplateRenderer.Validate"/>.
    /// </exception>
    public MailTemplateCatalog(IEnumerable<MailTemplateDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var renderer = new MailTemplateRenderer();
        var all = new List<MailTemplateDefinition>();
        foreach (var definition in definitions)
        {
            Check(definition, renderer);
            if (!_byKey.TryAdd(definition.Key, definition))
            {
                throw new ArgumentException($"Mail template '{definition.Key}' is defined twice.", nameof(definitions));
            }

            all.Add(definition);
        }

        All = all;
    }

    /// <summary>Every definition, in the order they were given.</summary>
    public IReadOnlyList<MailTemplateDefinition> All { get; }

    /// <summary>The definition with that key (case-sensitive), or null if no module defines it.</summary>
    public MailTemplateDefinition? Find(string key) => _byKey.GetValueOrDefault(key);

    // "module.mail-name": lower-case words with hyphens, at least two dot-separated parts.
    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    private static void Check(MailTemplateDefinition definition, MailTemplateRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!KeyPattern().IsMatch(definition.Key ?? ""))
        {
            throw new ArgumentException($"Mail template key '{definition.Key}' must look like 'module.mail-name'.");
        }

        var names = new HashSet<string>(MailPlaceholders.Common.Select(p => p.Name), StringComparer.Ordinal);
        foreach (var placeholder in definition.Placeholders)
        {
            if (!TemplateParser.IsValidName(placeholder.Name))
            {
                throw new ArgumentException($"Mail template '{definition.Key}': '{placeholder.Name}' is not a valid placeholder name.");
            }

            if (!names.Add(placeholder.Name))
            {
                throw new ArgumentException($"Mail template '{definition.Key}' offers '{placeholder.Name}' twice (or redefines a common placeholder).");
            }
        }

        var validation = renderer.Validate(definition, definition.Subject, definition.TextBody, definition.HtmlBody);
        if (!validation.IsValid)
        {
            throw new ArgumentException($"Mail template '{definition.Key}' has defaults that do not validate:{Environment.NewLine}{validation}");
        }
    }
}
