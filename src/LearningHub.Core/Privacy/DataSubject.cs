namespace LearningHub.Core.Privacy;

/// <summary>
/// The person whose personal data is exported or erased: their account on one board. Rows that hold only an
/// email address (mail sent to them, a walk-in added at the door) are matched by <see cref="Email"/>,
/// case-insensitively, because an address typed by a coordinator may differ in case from the account's.
/// </summary>
public sealed record DataSubject(string UserId, Guid BoardId, string Email, string FullName)
{
    /// <summary>The email in the form matching compares with (<c>lower(column) = this</c>).</summary>
    public string EmailLower => Email.Trim().ToLowerInvariant();

    /// <summary>How the person is named once their data is gone: "removed person #1a2b3c4d" (not linkable to anyone else).</summary>
    public string RemovedLabel => $"removed person #{ShortId}";

    public string ShortId => UserId.Length <= 8 ? UserId : UserId[..8];

    /// <summary>
    /// Whether their full name is distinctive enough to look for inside free text (mail bodies, audit labels).
    /// A very short name ("Jo") would match words in other people's text.
    /// </summary>
    public bool NameIsSearchable => FullName.Trim().Length >= 5;

    /// <summary>
    /// <paramref name="value"/> as JSON writes it inside a string (an apostrophe or a non-ASCII letter escaped:
    /// <c>O\u0027Neill</c>), the form a name or address takes in an audit entry's changes.
    /// </summary>
    public static string AsJson(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();

    /// <summary>Replaces their name and email address in <paramref name="text"/> with <see cref="RemovedLabel"/>.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = text;
        if (!string.IsNullOrWhiteSpace(Email))
        {
            result = result.Replace(Email.Trim(), RemovedLabel, StringComparison.OrdinalIgnoreCase)
                .Replace(AsJson(Email.Trim()), RemovedLabel, StringComparison.OrdinalIgnoreCase);
        }

        if (NameIsSearchable)
        {
            result = result.Replace(FullName.Trim(), RemovedLabel, StringComparison.OrdinalIgnoreCase)
                .Replace(AsJson(FullName.Trim()), RemovedLabel, StringComparison.OrdinalIgnoreCase);
        }

        return result;
    }
}
