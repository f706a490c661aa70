using System.Globalization;
using System.Text;
using LearningHub.Notifications.Services;

namespace LearningHub.Notifications.Smtp;

/// <summary>
/// Writes an <see cref="ComposedMail"/> as an RFC 5322 message with MIME (RFC 2045–2047): a
/// multipart/alternative of plain text and HTML, inside a multipart/mixed when there is an attachment.
/// Bodies are quoted-printable UTF-8, so the plain text stays readable even raw; non-ASCII header text is
/// RFC 2047 encoded; every line ends CRLF and stays under 78 characters. MimeKit is not available here,
/// and System.Net.Mail cannot hand its MIME to any writer but its own socket or pickup folder.
/// </summary>
public static class MimeWriter
{
    private const int MaxEncodedLine = 76;

    public static byte[] Write(ComposedMail mail)
    {
        var builder = new StringBuilder(mail.TextBody.Length * 2 + mail.HtmlBody.Length * 2 + 1024);
        Header(builder, "From", Mailbox(mail.From));
        Header(builder, "To", Mailbox(mail.To));
        if (mail.ReplyTo is not null)
        {
            Header(builder, "Reply-To", Mailbox(mail.ReplyTo));
        }

        Header(builder, "Subject", EncodeHeaderText(mail.Subject, "Subject: ".Length));
        Header(builder, "Date", mail.Date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(builder, "Message-ID", RequireAscii(mail.MessageId, "Message-ID"));
        // RFC 3834: tells auto-responders (out-of-office replies) not to answer a machine.
        Header(builder, "Auto-Submitted", "auto-generated");
        Header(builder, "MIME-Version", "1.0");

        // Boundaries start "=_", which quoted-printable and base64 can never produce at a line start.
        var alternative = $"=_lh_alt_{Guid.NewGuid():N}";
        if (mail.Attachment is { } attachment)
        {
            var mixed = $"=_lh_mix_{Guid.NewGuid():N}";
            Header(builder, "Content-Type", $"multipart/mixed;\r\n boundary=\"{mixed}\"");
            builder.Append("\r\n");
            builder.Append("--").Append(mixed).Append("\r\n");
            Alternative(builder, mail, alternative);
            builder.Append("--").Append(mixed).Append("\r\n");
            Attachment(builder, attachment);
            builder.Append("--").Append(mixed).Append("--\r\n");
        }
        else
        {
            Alternative(builder, mail, alternative);
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    private static void Alternative(StringBuilder builder, ComposedMail mail, string boundary)
    {
        Header(builder, "Content-Type", $"multipart/alternative;\r\n boundary=\"{boundary}\"");
        builder.Append("\r\n");
        builder.Append("--").Append(boundary).Append("\r\n");
        TextPart(builder, "text/plain", mail.TextBody);
        builder.Append("--").Append(boundary).Append("\r\n");
        TextPart(builder, "text/html", mail.HtmlBody);
        builder.Append("--").Append(boundary).Append("--\r\n");
    }

    private static void TextPart(StringBuilder builder, string mediaType, string text)
    {
        Header(builder, "Content-Type", $"{mediaType}; charset=utf-8");
        Header(builder, "Content-Transfer-Encoding", "quoted-printable");
        builder.Append("\r\n");
        builder.Append(QuotedPrintable(text));
        builder.Append("\r\n");
    }

    private static void Attachment(StringBuilder builder, MailAttachment attachment)
    {
        var fileName = QuoteParameter(RequireAscii(attachment.FileName, "attachment file name"));
        // Parameters on folded lines (RFC 5322 2.2.3), so no header line passes 78 characters.
        Header(builder, "Content-Type", $"{RequireAscii(attachment.ContentType, "attachment type")};\r\n charset=utf-8;\r\n name={fileName}");
        Header(builder, "Content-Disposition", $"attachment; filename={fileName}");
        Header(builder, "Content-Transfer-Encoding", "base64");
        builder.Append("\r\n");
        var base64 = Convert.ToBase64String(new UTF8Encoding(false).GetBytes(attachment.Content));
        for (var i = 0; i < base64.Length; i += MaxEncodedLine)
        {
            builder.Append(base64, i, Math.Min(MaxEncodedLine, base64.Length - i)).Append("\r\n");
        }
    }

    private static void Header(StringBuilder builder, string name, string value) =>
        builder.Append(name).Append(": ").Append(value).Append("\r\n");

    /// <summary><c>"Name" &lt;address&gt;</c>, the name RFC 2047 encoded when it is not plain ASCII.</summary>
    internal static string Mailbox(MailboxAddress mailbox)
    {
        var address = RequireAddress(mailbox.Address);
        if (string.IsNullOrWhiteSpace(mailbox.Name))
        {
            return address;
        }

        var name = mailbox.Name.Trim();
        var displayName = IsPrintableAscii(name)
            ? "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
            : EncodeHeaderText(name, 0);
        return $"{displayName} <{address}>";
    }

    /// <summary>
    /// Header text as is when it is printable ASCII, else as UTF-8 "B" encoded words (RFC 2047), each at
    /// most 75 characters, split between characters (never inside one), folded onto new lines.
    /// </summary>
    internal static string EncodeHeaderText(string text, int firstLineUsed)
    {
        text = text.ReplaceLineEndings(" ");
        if (IsPrintableAscii(text) && firstLineUsed + text.Length <= 998)
        {
            return text;
        }

        const string prefix = "=?utf-8?B?";
        // 39 bytes -> 52 base64 characters, 64 with "=?utf-8?B?" and "?=": under 75 (RFC 2047), and under
        // 78 on a line even after "Subject: " or "Reply-To: ".
        const int maxBytesPerWord = 39;
        var words = new List<string>();
        var chunk = new StringBuilder();
        var chunkBytes = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var bytes = Encoding.UTF8.GetByteCount(element);
            if (chunkBytes + bytes > maxBytesPerWord && chunk.Length > 0)
            {
                words.Add(prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(chunk.ToString())) + "?=");
                chunk.Clear();
                chunkBytes = 0;
            }

            chunk.Append(element);
            chunkBytes += bytes;
        }

        if (chunk.Length > 0)
        {
            words.Add(prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(chunk.ToString())) + "?=");
        }

        return string.Join("\r\n ", words);
    }

    /// <summary>
    /// Quoted-printable (RFC 2045 6.7) of UTF-8 text: line breaks become CRLF, long lines get soft breaks,
    /// and a line-leading "." or "From " is encoded so no relay can mistake or mangle it.
    /// </summary>
    internal static string QuotedPrintable(string text)
    {
        var output = new StringBuilder(text.Length + text.Length / 8);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                output.Append("\r\n");
            }

            var bytes = Encoding.UTF8.GetBytes(lines[l]);
            var lineLength = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                var last = i == bytes.Length - 1;
                var literal = b is >= 33 and <= 126 and not (byte)'='
                    || (b is (byte)' ' or (byte)'\t' && !last);
                if (lineLength == 0 && (b == '.' || (b == 'F' && StartsWithFrom(bytes, i))))
                {
                    literal = false;
                }

                var piece = literal ? ((char)b).ToString() : $"={b:X2}";
                // Keep one column for the soft break's "=".
                if (lineLength + piece.Length > MaxEncodedLine - 1)
                {
                    output.Append("=\r\n");
                    lineLength = 0;
                    if (b == '.')
                    {
                        piece = "=2E";
                    }
                }

                output.Append(piece);
                lineLength += piece.Length;
            }
        }

        return output.ToString();
    }

    private static bool StartsWithFrom(byte[] bytes, int index) =>
        bytes.Length - index >= 5 && bytes[index + 1] == 'r' && bytes[index + 2] == 'o' && bytes[index + 3] == 'm' && bytes[index + 4] == ' ';

    private static string QuoteParameter(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static bool IsPrintableAscii(string text) => text.All(c => c is >= ' ' and <= '~');

    private static string RequireAscii(string value, string what) =>
        IsPrintableAscii(value) ? value : throw new FormatException($"The {what} '{value}' must be plain ASCII.");

    /// <summary>An address fit for a header and an SMTP command: ASCII, one @, no spaces, brackets or line breaks.</summary>
    internal static string RequireAddress(string address)
    {
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || !trimmed.All(c => c is > ' ' and <= '~' and not '<' and not '>' and not '(' and not ')' and not ',' and not ';' and not '"'))
        {
            throw new FormatException($"'{address}' is not an email address this server can send to.");
        }

        return trimmed;
    }
}
