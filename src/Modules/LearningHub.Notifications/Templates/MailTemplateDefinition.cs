namespace LearningHub.Notifications.Templates;

/// <summary>
/// A kind of mail the site sends (for example "accounts.confirm-email"): what it is for, which
/// placeholders it offers and the default subject and bodies a board starts from. A board's own copy,
/// edited by its BoardAdmin, is checked against this definition when it is saved.
/// </summary>
/// <param name="Key">Stable identifier, "module.mail-name" in lower case, e.g. "accounts.reset-password".</param>
/// <param name="DisplayName">What a BoardAdmin sees in the list of templates.</param>
/// <param name="Description">When the mail is sent, in a sentence.</param>
/// <param name="Placeholders">This template's own placeholders; the common ones (<see cref="MailPlaceholders.Common"/>) are added to them.</param>
/// <param name="Subject">Default subject line.</param>
/// <param name="TextBody">Default plain-text body.</param>
/// <param name="HtmlBody">Default HTML body: a fragment that goes inside the email layout.</param>
public sealed record MailTemplateDefinition(
    string Key,
    string DisplayName,
    string Description,
    IReadOnlyList<MailPlaceholder> Placeholders,
    string Subject,
    string TextBody,
    string HtmlBody)
{
    /// <summary>Every placeholder this template offers: the common ones first, then its own.</summary>
    public IReadOnlyList<MailPlaceholder> AllowedPlaceholders => [.. MailPlaceholders.Common, .. Placeholders];

    /// <summary>The placeholder of that exact (case-sensitive) name, or null if this template does not offer it.</summary>
    public MailPlaceholder? FindPlaceholder(string name) =>
        AllowedPlaceholders.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The sample values of every placeholder, as used by a preview.</summary>
    public IReadOnlyDictionary<string, string> SampleValues() =>
        AllowedPlaceholders.ToDictionary(p => p.Name, p => p.SampleValue, StringComparer.Ordinal);
}
