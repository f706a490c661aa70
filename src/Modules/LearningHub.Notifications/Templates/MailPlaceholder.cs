using LearningHub.Core.Boards;

namespace LearningHub.Notifications.Templates;

/// <summary>
/// A value a mail template may show, written <c>{{ name }}</c> in the template. The description tells a
/// BoardAdmin what it holds; the sample value fills it in a preview.
/// </summary>
public sealed record MailPlaceholder(string Name, string Description, string SampleValue);

/// <summary>The placeholders every mail template offers, so every mail can name its board and a contact.</summary>
public static class MailPlaceholders
{
    public const string BoardName = "board.name";
    public const string BoardShortName = "board.shortName";
    public const string BoardContactEmail = "board.contactEmail";
    public const string RecipientName = "recipient.name";

    /// <summary>Offered by every template, listed before a template's own placeholders.</summary>
    public static IReadOnlyList<MailPlaceholder> Common { get; } =
    [
        new(BoardName, "The board's full name", "Example Safeguarding Partnership"),
        new(BoardShortName, "The board's short name, as used in subject lines", "ESP"),
        new(BoardContactEmail, "The email address people can contact the board on", "learning@example.org"),
        new(RecipientName, "The full name of the person the email is sent to", "Sam Taylor"),
    ];

    /// <summary>
    /// Values for the common placeholders, taken from the board and the recipient. Returns a new,
    /// writable dictionary so the caller can add the template's own values to it.
    /// </summary>
    public static Dictionary<string, string> CommonValues(BoardInfo board, string recipientName)
    {
        ArgumentNullException.ThrowIfNull(board);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BoardName] = board.Name,
            [BoardShortName] = board.ShortName,
            [BoardContactEmail] = board.ContactEmail,
            [RecipientName] = recipientName,
        };
    }
}
