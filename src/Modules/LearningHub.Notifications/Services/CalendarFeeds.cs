using System.Security.Cryptography;
using System.Text;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Notifications.Calendar;
using LearningHub.Notifications.Domain;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Services;

/// <summary>Private per-person calendar feeds: secret addresses that can be replaced, and their content.</summary>
public sealed class CalendarFeeds(LearningHubDbContext db, BoardContext boards, IEnumerable<ICalendarFeedSource> sources, TimeProvider clock)
{
    /// <summary>Makes a new secret for the person, revoking any earlier one; returns the secret (shown once).</summary>
    public async Task<string> ResetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in await db.Set<CalendarFeedToken>().Where(t => t.UserId == userId && t.RevokedUtc == null).ToListAsync(cancellationToken))
        {
            old.RevokedUtc = now;
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.Add(new CalendarFeedToken { UserId = userId, TokenHash = Hash(token), CreatedUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task RevokeAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<CalendarFeedToken>().Where(t => t.UserId == userId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), cancellationToken);
    }

    public Task<bool> HasFeedAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<CalendarFeedToken>().AnyAsync(t => t.UserId == userId && t.RevokedUtc == null, cancellationToken);

    /// <summary>The feed for a secret on the current board, or null when the secret is unknown or revoked.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var owner = await db.Set<CalendarFeedToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedUtc == null)
            .Select(t => t.UserId)
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var events = new List<CalendarEvent>();
        foreach (var source in sources)
        {
            events.AddRange(await source.EventsForAsync(owner, cancellationToken));
        }

        return IcsWriter.Feed($"{boards.Required.ShortName} learning", events.OrderBy(e => e.StartUtc));
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
