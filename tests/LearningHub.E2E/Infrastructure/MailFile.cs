using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace LearningHub.E2E.Infrastructure;

/// <summary>An attachment of a mail: its media type (lower case), file name and content as text.</summary>
public sealed record MailFileAttachment(string MediaType, string? FileName, string Content);

/// <summary>
/// A mail the site sent (a pickup-folder <c>.eml</c>, or a message a test SMTP server stored), read by
/// MimeKit rather than by code of ours, so what the tests check is what a mail client would see.
/// </summary>
public sealed partial class MailFile
{
    private MailFile(MimeMessage message, string path)
    {
        Message = message;
        Path = path;
        // MimeKit keeps the top-level Content-* headers with the body part rather than the message.
        Headers = message.Headers.Concat(message.Body?.Headers ?? [])
            .GroupBy(h => h.Field, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Unfold(Encoding.Latin1.GetString(g.First().RawValue)), StringComparer.OrdinalIgnoreCase);
        Attachments = message.Attachments.OfType<MimePart>()
            .Select(part => new MailFileAttachment(part.ContentType.MimeType.ToLowerInvariant(), part.FileName, TextOf(part)))
            .ToList();
    }

    /// <summary>The whole message as MimeKit parsed it.</summary>
    public MimeMessage Message { get; }

    public string Path { get; }

    /// <summary>
    /// Top-level headers (the first of each name), names case-insensitive, values unfolded but otherwise
    /// as written on the wire (not RFC 2047 decoded), so tests of the writer can see the encoding itself.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The subject as a mail client shows it (RFC 2047 decoded).</summary>
    public string Subject => Message.Subject ?? "";

    public string? TextBody => Message.TextBody;

    public string? HtmlBody => Message.HtmlBody;

    /// <summary>Parts sent as attachments (Content-Disposition: attachment), as text.</summary>
    public IReadOnlyList<MailFileAttachment> Attachments { get; }

    /// <summary>The To header as written.</summary>
    public string To => Headers.TryGetValue("To", out var to) ? to : "";

    /// <summary>Whether the To header names <paramref name="address"/> (compared case-insensitively).</summary>
    public bool IsAddressedTo(string address) =>
        Message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="FormatException">The file is not a MIME message (MimeKit's <see cref="ParseException"/>).</exception>
    public static MailFile Load(string path) => new(MimeMessage.Load(path), path);

    /// <summary>A message from its bytes, given one char per byte (Latin-1).</summary>
    public static MailFile Parse(string raw, string path = "")
    {
        using var bytes = new MemoryStream(Encoding.Latin1.GetBytes(raw));
        return new MailFile(MimeMessage.Load(bytes), path);
    }

    /// <summary>
    /// The attachment's bytes after the transfer decoding, read in its charset: byte for byte what a
    /// client would save as the file. (<see cref="TextPart.Text"/> would turn CRLF into LF, and an
    /// <c>.ics</c> must keep its CRLF line ends.)
    /// </summary>
    private static string TextOf(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        return (part.ContentType.CharsetEncoding ?? Encoding.UTF8).GetString(content.ToArray());
    }

    private static string Unfold(string raw) => FoldingWhitespace().Replace(raw, " ").Trim();

    [GeneratedRegex(@"\r?\n[ \t]+")]
    private static partial Regex FoldingWhitespace();
}
