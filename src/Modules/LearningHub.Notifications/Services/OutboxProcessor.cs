using System.Diagnostics;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.Core.Telemetry;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Notifications.Services;

/// <summary>
/// One pass of the dispatcher: claim a batch of due messages, send each through its board's transport,
/// and record the outcome. Claims are rows in the database, so any number of instances share the work
/// and a message is only ever in one instance's hands; a claim left by a dead instance expires.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes,
    MailTransports transports,
    TimeProvider clock,
    IOptions<NotificationsOptions> options,
    MailMetrics metrics,
    ForegroundWork foreground,
    ILogger<OutboxProcessor> logger)
{
    private readonly Random _jitter = new();

    /// <summary>Sends what is due now; returns how many messages it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // A rush of bookings being decided goes first, before the claim and again before each message (a rush that begins
        // mid-pass would otherwise share the cores with the rest of the batch): their mail follows within seconds.
        var giveWay = foreground.GiveWayFor(options.Value.GiveWayToBookingsFor);
        await giveWay.WaitAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearningHubDbContext>();
        var token = Guid.NewGuid();
        if (await ClaimAsync(db, token, cancellationToken) == 0)
        {
            return 0;
        }

        // A span only for a pass that has mail to send: an idle poll every few seconds is not worth one.
        using var span = LearningHubTelemetry.Spans.StartActivity("outbox.pass");
        // The dispatcher serves every board, so it reads across boards by name and acts as each in turn.
        var claimed = await db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.ClaimToken == token).OrderBy(m => m.NextAttemptUtc).ToListAsync(cancellationToken);
        var directory = scope.ServiceProvider.GetRequiredService<BoardDirectory>();
        var boards = scope.ServiceProvider.GetRequiredService<BoardContext>();
        foreach (var group in claimed.GroupBy(m => m.BoardId))
        {
            var board = (await directory.ListAsync(cancellationToken)).Single(b => b.Id == group.Key);
            boards.Use(board);
            var settings = await db.Set<BoardMailSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            // Made at the first send, inside its error handling: a transport that cannot be made (a password
            // the data-protection keys no longer open) is each message's failure, not the whole pass's.
            var transport = new Lazy<IMailTransport>(() => transports.For(board, settings));
            // Each outcome is saved while the next message goes out: the send mostly waits on the server
            // and the save on the database, so overlapping them keeps both busy (bench/README.md). Only
            // one save runs at a time, and a message's row is changed only after the previous save ends.
            var saving = Task.CompletedTask;
            try
            {
                foreach (var message in group)
                {
                    await giveWay.WaitAsync(cancellationToken);
                    var sendStarted = Stopwatch.GetTimestamp();
                    var sending = SendAsync(transport, message, board, settings, cancellationToken);
                    // Both end before anything else happens, whichever of them fails.
                    await Task.WhenAll(saving, sending);
                    Record(message, board, await sending, Stopwatch.GetElapsedTime(sendStarted));
                    // Saved one by one, so if the process dies mid-batch what was sent stays marked sent (but
                    // for the one save in flight). On the thread pool: SQLite's SaveChangesAsync does its
                    // work before it returns, which would leave nothing to overlap.
                    saving = Task.Run(() => db.SaveChangesAsync(CancellationToken.None), CancellationToken.None);
                }

                await saving;
            }
            finally
            {
                // A failed save ends the pass (the dispatcher logs it; unsaved claims expire and are sent
                // again), but never with a save still using the context.
                await saving.ContinueWith(_ => { }, TaskScheduler.Default);
                if (transport.IsValueCreated)
                {
                    await transport.Value.DisposeAsync();
                }
            }
        }

        span?.SetTag("outbox.claimed", claimed.Count);
        return claimed.Count;
    }

    /// <summary>Sends one message; returns why it was not sent, or null when the server took it.</summary>
    private async Task<Exception?> SendAsync(Lazy<IMailTransport> transport, OutboxMessage message,
        BoardInfo board, BoardMailSettings? settings, CancellationToken cancellationToken)
    {
        try
        {
            await transport.Value.SendAsync(MailTransports.Compose(message, board, settings, clock.GetUtcNow()), cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    /// <summary>Marks the message sent, or failed, or due again later, and releases this pass's claim.</summary>
    private void Record(OutboxMessage message, BoardInfo board, Exception? failure, TimeSpan took)
    {
        if (failure is null)
        {
            metrics.Sent(board.Slug, took);
            message.Status = OutboxStatus.Sent;
            message.SentUtc = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
        }
        else
        {
            var settingsNow = options.Value;
            message.Attempts++;
            message.LastError = Truncate($"{failure.GetType().Name}: {failure.Message}{(failure.InnerException is null ? "" : $" ({failure.InnerException.Message})")}", 2000);
            if (message.Attempts >= settingsNow.MaxAttempts || failure is SmtpException { RejectsMessage: true } || failure is FormatException)
            {
                // Out of attempts, or refused for good (no such mailbox, an address that cannot be sent to).
                message.Status = OutboxStatus.Failed;
                metrics.Failed(board.Slug, gaveUp: true, took);
                logger.LogError("Mail {MessageId} to board {Board} failed after {Attempts} attempts: {Error}", message.Id, board.Slug, message.Attempts, message.LastError);
            }
            else
            {
                message.Status = OutboxStatus.Pending;
                metrics.Failed(board.Slug, gaveUp: false, took);
                message.NextAttemptUtc = clock.GetUtcNow().UtcDateTime
                    + RetrySchedule.DelayAfter(message.Attempts, settingsNow.FirstRetryDelay, settingsNow.MaxRetryDelay, _jitter);
                logger.LogWarning("Mail {MessageId} to board {Board} not sent (attempt {Attempts}), retrying at {Next:u}: {Error}",
                    message.Id, board.Slug, message.Attempts, message.NextAttemptUtc, message.LastError);
            }
        }

        message.ClaimToken = null;
        message.LockedUntilUtc = null;
    }

    /// <summary>Marks up to a batch of due (or abandoned) messages as this pass's; returns how many.</summary>
    private async Task<int> ClaimAsync(LearningHubDbContext db, Guid token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now + options.Value.ClaimLease;
        var batch = options.Value.BatchSize;

        if (db.Database.IsNpgsql())
        {
            // Two claims, each one condition on the (Status, NextAttemptUtc) index, so each reads about a batch of
            // rows whatever the queue's length. One statement with both conditions ORed scanned and sorted every due
            // row for each batch: a second a claim with 125,000 queued (bench/README.md, "Retention and outbox at scale").
            var claimed = await db.Database.ExecuteSqlAsync(ClaimAbandonedSql(token, now, lease, batch), cancellationToken);
            if (claimed < batch)
            {
                claimed += await db.Database.ExecuteSqlAsync(ClaimDueSql(token, now, lease, batch - claimed), cancellationToken);
            }

            return claimed;
        }

        // SQLite has one writer at a time, so a plain conditional update is a claim.
        var due = db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now) || (m.Status == OutboxStatus.Sending && m.LockedUntilUtc < now))
            .OrderBy(m => m.NextAttemptUtc)
            .Take(batch)
            .Select(m => m.Id);
        return await db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => due.Contains(m.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.LockedUntilUtc, lease), cancellationToken);
    }

    private const string PendingStatus = nameof(OutboxStatus.Pending);
    private const string SendingStatus = nameof(OutboxStatus.Sending);

    /// <summary>
    /// PostgreSQL: claims up to <paramref name="limit"/> messages another instance claimed and never finished (its lease
    /// ran out), oldest first. Several instances: SKIP LOCKED lets each take different rows without waiting, and the
    /// outer condition makes a row another instance claimed in the meantime drop out.
    /// </summary>
    internal static FormattableString ClaimAbandonedSql(Guid token, DateTime now, DateTime lease, int limit) => $"""
        UPDATE "OutboxMessages" SET "ClaimToken" = {token}, "LockedUntilUtc" = {lease}
        WHERE "Id" IN (
            SELECT "Id" FROM "OutboxMessages"
            WHERE "Status" = {SendingStatus} AND "LockedUntilUtc" < {now}
            ORDER BY "NextAttemptUtc"
            LIMIT {limit}
            FOR UPDATE SKIP LOCKED)
        AND "Status" = {SendingStatus} AND "LockedUntilUtc" < {now}
        """;

    /// <summary>PostgreSQL: claims up to <paramref name="limit"/> queued messages that are due, oldest first (as <see cref="ClaimAbandonedSql"/>).</summary>
    internal static FormattableString ClaimDueSql(Guid token, DateTime now, DateTime lease, int limit) => $"""
        UPDATE "OutboxMessages" SET "Status" = {SendingStatus}, "ClaimToken" = {token}, "LockedUntilUtc" = {lease}
        WHERE "Id" IN (
            SELECT "Id" FROM "OutboxMessages"
            WHERE "Status" = {PendingStatus} AND "NextAttemptUtc" <= {now}
            ORDER BY "NextAttemptUtc"
            LIMIT {limit}
            FOR UPDATE SKIP LOCKED)
        AND "Status" = {PendingStatus} AND "NextAttemptUtc" <= {now}
        """;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
