namespace LearningHub.E2E.Infrastructure;

/// <summary>The site's mail pickup folder for one board: <c>{DataPath}/mail-pickup/{board}/*.eml</c>.</summary>
public sealed class Mailbox(string dataPath, string board)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private string? _lastUnreadable;

    public string Folder { get; } = Path.Combine(dataPath, "mail-pickup", board);

    /// <summary>
    /// The one mail addressed to <paramref name="address"/>, polling the folder until it appears.
    /// Fails if none arrives before the deadline, or if more than one is there.
    /// </summary>
    public async Task<MailFile> SingleMailToAsync(string address)
    {
        var found = await Poll.ForAsync(
            () =>
            {
                var mails = MailsTo(address);
                return mails.Count > 0 ? mails : null;
            },
            Deadline,
            () => $"No mail to {address} arrived in {Folder} within {Deadline.TotalSeconds} s " +
                  $"(files there: {string.Join(", ", Files().Select(Path.GetFileName).DefaultIfEmpty("none"))}" +
                  (_lastUnreadable is null ? ")." : $"; could not read {_lastUnreadable})."));
        Assert.True(found.Count == 1, $"Expected one mail to {address}, found {found.Count}: {string.Join(", ", found.Select(m => m.Path))}");
        return found[0];
    }

    private List<MailFile> MailsTo(string address)
    {
        var mails = new List<MailFile>();
        foreach (var file in Files())
        {
            try
            {
                var mail = MailFile.Load(file);
                if (mail.IsAddressedTo(address))
                {
                    mails.Add(mail);
                }
            }
            catch (Exception e) when (e is IOException or FormatException)
            {
                // Unreadable for now (held open by the writer): read it on the next poll (and say so if it never reads).
                _lastUnreadable = $"{Path.GetFileName(file)}: {e.Message}";
            }
        }

        return mails;
    }

    private IEnumerable<string> Files() =>
        Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, "*.eml") : [];
}
