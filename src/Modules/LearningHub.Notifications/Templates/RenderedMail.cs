namespace LearningHub.Notifications.Templates;

/// <summary>
/// A template filled in: the subject (one line), the plain-text body and the HTML body fragment.
/// </summary>
/// <param name="Subject">Subject with any line breaks taken out.</param>
/// <param name="TextBody">Plain-text body, values as given.</param>
/// <param name="HtmlBody">HTML body with every value HTML-encoded.</param>
/// <param name="MissingValues">
/// Placeholders the template uses that were given no value, in order of first use: each was rendered
/// as empty text. Lets the sender log or refuse a mail that would read oddly.
/// </param>
public sealed record RenderedMail(string Subject, string TextBody, string HtmlBody, IReadOnlyList<string> MissingValues);
