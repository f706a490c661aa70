using System.Text;
using System.Text.RegularExpressions;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>Reads the .eml files the pickup-folder transport writes.</summary>
public static partial class Pickup
{
    /// <summary>
    /// The decoded text of the newest message to <paramref name="to"/>. Mail leaves through the outbox in
    /// the background, so this polls the folder until the message is there or the deadline passes.
    /// </summary>
    public static async Task<string> LatestMessageToAsync(string folder, string to, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var file = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.eml")
                    .Select(f => (Path: f, Text: File.ReadAllText(f)))
                    .Where(f => f.Text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase) || f.Text.Contains($"<{to}>", StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(f => File.GetLastWriteTimeUtc(f.Path))
                    .FirstOrDefault()
                : default;
            if (file.Path is not null)
            {
                return Decode(file.Text);
            }

            Assert.True(DateTime.UtcNow < deadline, $"No mail to {to} in {folder}");
            await Task.Delay(50); // the poll interval, not a wait for something to happen
        }
    }

    public static string LinkTo(string message, string path)
    {
        var match = LinkPattern().Matches(message).Select(m => m.Value).FirstOrDefault(l => l.Contains(path, StringComparison.Ordinal));
        Assert.True(match is not null, $"No link to {path} in:\n{message}");
        return new Uri(match).PathAndQuery;
    }

    /// <summary>Undoes quoted-printable and base64 parts so the text can be searched.</summary>
    private static string Decode(string eml)
    {
        var decoded = new StringBuilder();
        foreach (Match part in Base64Part().Matches(eml))
        {
            try
            {
                decoded.AppendLine(Encoding.UTF8.GetString(Convert.FromBase64String(part.Groups[1].Value.Replace("\r", "").Replace("\n", ""))));
            }
            catch (FormatException)
            {
            }
        }

        var qp = SoftBreak().Replace(eml, "");
        decoded.AppendLine(QuotedByte().Replace(qp, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString()));
        return decoded.ToString();
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)")]
    private static partial Regex Base64Part();

    [GeneratedRegex("=\r?\n")]
    private static partial Regex SoftBreak();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedByte();
}
