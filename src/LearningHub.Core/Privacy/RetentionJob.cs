using System.Diagnostics;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningHub.Core.Privacy;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Off in tests that run the job themselves.</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>How often the job looks for boards not yet done today (it runs each board once a day).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);
}

public enum RetentionTrigger
{
    /// <summary>The daily job: runs at most once per board per UTC day.</summary>
    Daily,

    /// <summary>An administrator pressed "Run now".</summary>
    Manual,
}

/// <summary>
/// Applies a board's retention settings: claims the run, computes the cutoffs from the settings and the
/// clock, calls every module's <see cref="IRetentionSource"/>, and writes ONE audit entry
/// <c>privacy.retention.applied</c> with the counts. Claim, changes and entry are one transaction, so a
/// run that fails leaves nothing behind and the day is tried again.
/// </summary>
public sealed class RetentionApplier(
    LearningHubDbContext db,
    BoardContext boards,
    IEnumerable<IRetentionSource> sources,
    AuditLog audit,
    TimeProvider clock,
    RetentionMetrics metrics)
{
    public const string AuditAction = "privacy.retention.applied";

    /// <summary>The board's settings, or the defaults when it has never changed them.</summary>
    public async Task<RetentionSettings> SettingsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<RetentionSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new RetentionSettings();

    /// <summary>
    /// Runs retention for the current board and returns each source's counts. A daily run returns null
    /// when the board's run for today has already been claimed (here or by another node); a manual run
    /// always runs.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>?> ApplyAsync(RetentionTrigger trigger, CancellationToken cancellationToken = default)
    {
        var board = boards.Required;
        using var span = LearningHubTelemetry.Spans.StartActivity("retention.apply");
        span?.SetTag(LearningHubTelemetry.BoardTag, board.Slug);
        span?.SetTag("trigger", trigger.ToString().ToLowerInvariant());
        var started = Stopwatch.GetTimestamp();
        try
        {
            var counts = await ApplyForBoardAsync(board, trigger, cancellationToken);
            if (counts is null)
            {
                metrics.AlreadyDone(board.Slug, trigger);
            }
            else
            {
                metrics.Applied(board.Slug, trigger, Stopwatch.GetElapsedTime(started), counts);
            }

            span?.SetTag(LearningHubTelemetry.OutcomeTag, counts is null ? "already_done" : "applied");
            return counts;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Failed(board.Slug, trigger);
            // The type only: a message may quote a value from a row.
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<string, int>?> ApplyForBoardAsync(BoardInfo board, RetentionTrigger trigger, CancellationToken cancellationToken)
    {
        await EnsureRunRowAsync(board.Id, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = new DateTime(now.Year, now.Month, now.Day, 0, 0, 0, DateTimeKind.Utc);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var runs = db.Set<RetentionRun>().Where(r => r.BoardId == board.Id);
            if (trigger == RetentionTrigger.Daily)
            {
                // The claim: on PostgreSQL a second node's UPDATE waits for this transaction and then
                // finds the condition false; on SQLite writers are serialised anyway.
                var claimed = await runs.Where(r => r.LastRunOnUtc == null || r.LastRunOnUtc < today)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastRunOnUtc, today).SetProperty(r => r.LastRunUtc, now), cancellationToken);
                if (claimed == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return null;
                }
            }
            else
            {
                await runs.ExecuteUpdateAsync(s => s.SetProperty(r => r.LastRunUtc, now), cancellationToken);
            }

            var settings = await SettingsAsync(cancellationToken);
            var cutoffs = settings.CutoffsAt(now);
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                foreach (var (name, count) in await source.ApplyAsync(board, cutoffs, cancellationToken))
                {
                    counts[name] = counts.GetValueOrDefault(name) + count;
                }
            }

            audit.Record(AuditAction, new AuditTarget("Board", board.Id.ToString(), board.Name), new
            {
                trigger = trigger.ToString().ToLowerInvariant(),
                settings = settings.Describe(),
                cutoffs,
                counts,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (IReadOnlyDictionary<string, int>)counts;
        });
    }

    /// <summary>The row the daily claim updates; two nodes may race to create it, and the loser just uses the winner's.</summary>
    private async Task EnsureRunRowAsync(Guid boardId, CancellationToken cancellationToken)
    {
        if (await db.Set<RetentionRun>().AnyAsync(r => r.BoardId == boardId, cancellationToken))
        {
            return;
        }

        var row = db.Set<RetentionRun>().Add(new RetentionRun { BoardId = boardId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node created it first.
        }
        finally
        {
            row.State = EntityState.Detached;
        }
    }
}

/// <summary>Runs the daily retention for every board, each in its own scope acting for that board.</summary>
public sealed class RetentionScheduler(IServiceScopeFactory scopes, ILogger<RetentionScheduler> logger)
{
    /// <summary>One pass over all boards; returns the boards this pass ran (not those already done today).</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        using var span = LearningHubTelemetry.Spans.StartActivity("retention.pass");
        IReadOnlyList<BoardInfo> all;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<BoardDirectory>();
            // Fresh from the database: a board added since the cache was filled must not wait for it.
            directory.Invalidate();
            all = await directory.ListAsync(cancellationToken);
        }

        var ran = 0;
        foreach (var board in all)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<BoardContext>().Use(board);
                if (await scope.ServiceProvider.GetRequiredService<RetentionApplier>().ApplyAsync(RetentionTrigger.Daily, cancellationToken) is { } counts)
                {
                    ran++;
                    logger.LogInformation("Retention applied for board {Board}: {Counts}", board.Slug, counts);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One board's trouble must not stop the others; its day is unclaimed, so the next pass retries it.
                logger.LogError(ex, "Retention failed for board {Board}", board.Slug);
            }
        }

        span?.SetTag("boards.applied", ran);
        return ran;
    }
}

/// <summary>Calls <see cref="RetentionScheduler"/> every <see cref="RetentionOptions.PollInterval"/>; the claim keeps it to once a board a day.</summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger)
    : TimedWorker(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.JobEnabled;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override string PassName => "Retention pass";

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RetentionScheduler>().RunDueAsync(cancellationToken);
}
