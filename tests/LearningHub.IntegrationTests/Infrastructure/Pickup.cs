using System.Text.RegularExpressions;
using LearningHub.E2E.Infrastructure;

namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>Reads the .eml files the pickup-folder transport writes.</summary>
public static partial class Pickup
{
    /// <summary>
    /// The subject and decoded bodies of the newest message to <paramref name="to"/>. Mail leaves through
    /// the outbox in the background, so this polls the folder until the message is there or the deadline passes.
    /// </summary>
    public static async Task<string> LatestMessageToAsync(string folder, string to)
    {
        var mail = await Poll.ForAsync(
            () => Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.eml")
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .Select(TryLoad)
                    .FirstOrDefault(m => m is not null && m.IsAddressedTo(to))
                : null,
            TimeSpan.FromSeconds(15),
            () => $"No mail to {to} in {folder}");
        return $"{mail.Subject}\n{mail.TextBody}\n{mail.HtmlBody}";
    }

    // A file the dispatcher is still writing is read again on the next poll.
    private static MailFile? TryLoad(string path)
    {
        try
        {
            return MailFile.Load(path);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return null;
        }
    }

    public static string LinkTo(string message, string path)
    {
        var match = LinkPattern().Matches(message).Select(m => m.Value).FirstOrDefault(l => l.Contains(path, StringComparison.Ordinal));
        Assert.True(match is not null, $"No link to {path} in:\n{message}");
        return new Uri(match).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
