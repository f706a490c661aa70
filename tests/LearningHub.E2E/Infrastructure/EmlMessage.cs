using System.Text;
using System.Text.RegularExpressions;

namespace LearningHub.E2E.Infrastructure;

/// <summary>
/// A mail as System.Net.Mail writes it to a pickup directory (RFC 5322 with MIME): headers, and the
/// decoded plain-text and HTML bodies, whatever the transfer encoding (7bit, 8bit, quoted-printable,
/// base64) and charset. Just enough MIME for the tests; MimeKit is not available here.
/// </summary>
/// <summary>An attachment of a mail: its media type, file name and content as text.</summary>
public sealed record EmlAttachment(string MediaType, string? FileName, string Content);

public sealed partial class EmlMessage
{
    private EmlMessage(string path, IReadOnlyDictionary<string, string> headers, string? text, string? html, IReadOnlyList<EmlAttachment> attachments)
    {
        Path = path;
        Headers = headers;
        TextBody = text;
        HtmlBody = html;
        Attachments = attachments;
    }

    /// <summary>Parts sent as attachments (Content-Disposition: attachment), decoded as text.</summary>
    public IReadOnlyList<EmlAttachment> Attachments { get; }

    public string Path { get; }

    /// <summary>Top-level headers, unfolded, names case-insensitive, values as written (not RFC 2047 decoded).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? TextBody { get; }

    public string? HtmlBody { get; }

    public string To => Headers.TryGetValue("To", out var to) ? to : "";

    /// <summary>Whether the To header names <paramref name="address"/> (compared case-insensitively).</summary>
    public bool IsAddressedTo(string address) =>
        AddressPattern().Matches(To).Select(m => m.Value).Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase));

    // Latin-1 maps each byte to one char, so 8bit bodies survive until their own charset decodes them.
    public static EmlMessage Load(string path) => Parse(File.ReadAllText(path, Encoding.Latin1), path);

    /// <summary>A message from its bytes, read as Latin-1 (one char per byte).</summary>
    public static EmlMessage Parse(string raw, string path = "")
    {
        var root = Part.Parse(raw);
        string? text = null, html = null;
        var attachments = new List<EmlAttachment>();
        foreach (var leaf in root.Leaves())
        {
            if (leaf.Headers.TryGetValue("Content-Disposition", out var disposition) && disposition.TrimStart().StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
            {
                var name = FileNamePattern().Match(disposition) is { Success: true } m ? m.Groups[1].Value : null;
                attachments.Add(new EmlAttachment(leaf.MediaType, name, leaf.DecodedText()));
            }
            else if (leaf.MediaType == "text/plain")
            {
                text ??= leaf.DecodedText();
            }
            else if (leaf.MediaType == "text/html")
            {
                html ??= leaf.DecodedText();
            }
        }

        return new EmlMessage(path, root.Headers, text, html, attachments);
    }

    [GeneratedRegex(@"filename=""?([^"";]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"[^\s<>,;""]+@[^\s<>,;""]+")]
    private static partial Regex AddressPattern();

    private sealed class Part
    {
        private Part(Dictionary<string, string> headers, string body)
        {
            Headers = headers;
            Body = body;
        }

        public Dictionary<string, string> Headers { get; }

        public string Body { get; }

        private string ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : "text/plain; charset=us-ascii";

        public string MediaType => ContentType.Split(';')[0].Trim().ToLowerInvariant();

        public static Part Parse(string raw)
        {
            raw = raw.Replace("\r\n", "\n");
            var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
            var head = split < 0 ? raw : raw[..split];
            var body = split < 0 ? "" : raw[(split + 2)..];

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? name = null;
            foreach (var line in head.Split('\n'))
            {
                if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && name is not null)
                {
                    headers[name] += " " + line.Trim(); // folded continuation
                    continue;
                }

                var colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    continue;
                }

                name = line[..colon].Trim();
                headers[name] = line[(colon + 1)..].Trim();
            }

            return new Part(headers, body);
        }

        public IEnumerable<Part> Leaves()
        {
            if (!MediaType.StartsWith("multipart/", StringComparison.Ordinal))
            {
                yield return this;
                yield break;
            }

            var boundary = Parameter("boundary") ?? throw new InvalidDataException($"A {MediaType} part has no boundary.");
            var delimiter = "--" + boundary;
            var sections = Body.Split('\n')
                .Aggregate(new List<List<string>> { new() }, (acc, line) =>
                {
                    var trimmed = line.TrimEnd();
                    if (trimmed == delimiter || trimmed == delimiter + "--")
                    {
                        acc.Add([]);
                    }
                    else
                    {
                        acc[^1].Add(line);
                    }

                    return acc;
                });

            // The first section is the preamble, the last the epilogue after the closing delimiter.
            foreach (var section in sections.Skip(1).SkipLast(1))
            {
                foreach (var leaf in Parse(string.Join("\n", section)).Leaves())
                {
                    yield return leaf;
                }
            }
        }

        public string DecodedText()
        {
            var encoding = Headers.TryGetValue("Content-Transfer-Encoding", out var value) ? value.Trim().ToLowerInvariant() : "7bit";
            var bytes = encoding switch
            {
                "base64" => Convert.FromBase64String(string.Concat(Body.Where(c => !char.IsWhiteSpace(c)))),
                "quoted-printable" => DecodeQuotedPrintable(Body),
                _ => Encoding.Latin1.GetBytes(Body),
            };
            var charset = Parameter("charset") ?? "us-ascii";
            return Encoding.GetEncoding(charset).GetString(bytes);
        }

        private string? Parameter(string parameter)
        {
            var match = Regex.Match(ContentType, $@";\s*{parameter}\s*=\s*(?:""(?<v>[^""]*)""|(?<v>[^;\s]+))", RegexOptions.IgnoreCase);
            return match.Success ? match.Groups["v"].Value : null;
        }

        private static byte[] DecodeQuotedPrintable(string body)
        {
            var output = new List<byte>(body.Length);
            var lines = body.Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                var line = lines[l].TrimEnd(' ', '\t');
                var soft = line.EndsWith('=');
                if (soft)
                {
                    line = line[..^1];
                }

                for (var i = 0; i < line.Length; i++)
                {
                    if (line[i] == '=' && i + 2 < line.Length && IsHex(line[i + 1]) && IsHex(line[i + 2]))
                    {
                        output.Add(Convert.ToByte(line.Substring(i + 1, 2), 16));
                        i += 2;
                    }
                    else
                    {
                        output.Add((byte)line[i]);
                    }
                }

                if (!soft && l < lines.Length - 1)
                {
                    output.Add((byte)'\r');
                    output.Add((byte)'\n');
                }
            }

            return [.. output];
        }

        private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
    }
}
