using System.Diagnostics;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.E2E.Infrastructure;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Calendar;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Notifications;

/// <summary>Mail goes through the outbox to a real SMTP server: never lost, never twice, never half-saved.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private readonly List<LearningHubFactory> _factories = [];
    private string? _dataPath;

    public Task InitializeAsync() => _smtp.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        await _smtp.DisposeAsync();
        if (_dataPath is not null && Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    /// <summary>A site whose Norfolk board sends through the test SMTP server, with quick retries.</summary>
    private async Task<LearningHubFactory> StartSiteAsync(bool dispatcher = true, int maxAttempts = 3)
    {
        var factory = new MailFactory(_dataPath ??= Path.Combine(Path.GetTempPath(), "learninghub-tests", Guid.NewGuid().ToString("N")), dispatcher, maxAttempts) { KeepData = true };
        _factories.Add(factory);
        await factory.UseSmtpAsync("norfolk", _smtp.Port);
        return factory;
    }

    private static async Task QueueAsync(LearningHubFactory factory, string key, string to, DateTime? sendAt = null, MailAttachment? attachment = null)
    {
        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var queue = services.GetRequiredService<MailQueue>();
            Assert.True(await queue.EnqueueAsync(key, "tests", new OutgoingMail(to, "Test Person", $"Subject {key}", $"Text {key}", $"<p>HTML {key}</p>"), sendAt, attachment));
            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });
    }

    private static Task<List<OutboxMessage>> OutboxAsync(LearningHubFactory factory) =>
        factory.WithBoardAsync("norfolk", db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Category == "tests").ToListAsync());

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string what) =>
        Poll.UntilAsync(condition, TimeSpan.FromSeconds(20), () => $"Timed out waiting until {what}");

    [Fact]
    public async Task A_queued_mail_reaches_the_SMTP_server_with_both_bodies_and_a_calendar_invite()
    {
        var site = await StartSiteAsync();
        var start = new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc);
        var invite = IcsWriter.Invite(new CalendarEvent("booking-NSCB-7Q4K2@learninghub", 0, start, start.AddHours(2),
            "Case R roadshow", "Norfolk Safeguarding Children Board", "nscb@norfolk.example", DateTime.UtcNow));

        await QueueAsync(site, "invite-1", "sam@school.example", attachment: new MailAttachment("invite.ics", "text/calendar; method=REQUEST", invite));

        var mail = Assert.Single(await _smtp.WaitForAsync(m => m.IsAddressedTo("sam@school.example")));
        Assert.Contains("Subject invite-1", mail.Headers["Subject"]);
        Assert.Contains("learning@norfolk.example", mail.Headers["From"]);
        Assert.Contains("Text invite-1", mail.TextBody);
        Assert.Contains("<p>HTML invite-1</p>", mail.HtmlBody);
        var ics = Assert.Single(mail.Attachments);
        Assert.Equal("text/calendar", ics.MediaType);
        var calendar = Ical.Net.Calendar.Load(ics.Content);
        Assert.NotNull(calendar);
        Assert.Equal("REQUEST", calendar.Method);
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal("booking-NSCB-7Q4K2@learninghub", vevent.Uid);
        Assert.True(vevent.DtStart!.IsUtc && vevent.DtEnd!.IsUtc, "times are written in UTC");
        Assert.Equal(start, vevent.DtStart.AsUtc);
        Assert.Equal(start.AddHours(2), vevent.DtEnd.AsUtc);
        // The server has the mail a moment before the dispatcher records its reply, so wait for the record.
        await WaitUntilAsync(async () => Assert.Single(await OutboxAsync(site)).Status == OutboxStatus.Sent, "the message is marked sent");
    }

    [Fact]
    public async Task While_the_mail_server_is_down_mail_is_retried_and_delivered_once_when_it_is_back()
    {
        // Enough attempts (at most 0.5 s apart) to outlast a slow restart of the test server on a busy machine;
        // with 3 the messages could run out of attempts before it was back, and the test failed under load.
        var site = await StartSiteAsync(maxAttempts: 100);
        await _smtp.StopAsync();

        for (var i = 0; i < 3; i++)
        {
            await QueueAsync(site, $"retry-{i}", $"person{i}@health.example");
        }

        await WaitUntilAsync(async () => (await OutboxAsync(site)).All(m => m.Attempts >= 1 && m.LastError is not null), "every message has failed an attempt");
        await _smtp.StartAsync();

        await WaitUntilAsync(async () => (await OutboxAsync(site)).All(m => m.Status == OutboxStatus.Sent), "every message is sent");
        var delivered = _smtp.Messages().Where(m => m.Headers["Subject"].StartsWith("Subject retry-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, delivered.Count);
        Assert.Equal(3, delivered.Select(m => m.Headers["Subject"]).Distinct().Count());
    }

    [Fact]
    public async Task A_message_queued_before_the_app_stopped_is_sent_once_after_restart()
    {
        var queuingOnly = await StartSiteAsync(dispatcher: false);
        await QueueAsync(queuingOnly, "restart-1", "kim@probation.example");
        await queuingOnly.DisposeAsync();
        _factories.Remove(queuingOnly);
        Assert.Empty(_smtp.Messages());

        var restarted = await StartSiteAsync();

        await _smtp.WaitForAsync(m => m.IsAddressedTo("kim@probation.example"));
        await WaitUntilAsync(async () => (await OutboxAsync(restarted)).Single().Status == OutboxStatus.Sent, "the message is marked sent");
        Assert.Single(_smtp.Messages(), m => m.IsAddressedTo("kim@probation.example"));
    }

    [Fact]
    public async Task A_change_whose_save_fails_leaves_no_queued_mail()
    {
        var site = await StartSiteAsync(dispatcher: false);

        await Assert.ThrowsAsync<DbUpdateException>(() => site.WithBoardServicesAsync("norfolk", async services =>
        {
            // A booking-like change that breaks a rule (two agencies with one key) and its mail, saved together.
            var db = services.GetRequiredService<LearningHubDbContext>();
            var agencies = await db.Agencies.OrderBy(a => a.SortOrder).Take(2).ToListAsync();
            agencies[1].Key = agencies[0].Key;
            await services.GetRequiredService<MailQueue>().EnqueueAsync("doomed", "tests",
                new OutgoingMail("x@example.org", "X", "Never", "Never", "<p>Never</p>"));
            return await db.SaveChangesAsync();
        }));

        Assert.Empty(await OutboxAsync(site));
    }

    [Fact]
    public async Task The_same_logical_message_is_never_queued_twice()
    {
        var site = await StartSiteAsync(dispatcher: false);
        await QueueAsync(site, "once", "alex@school.example");

        var again = await site.WithBoardServicesAsync("norfolk", services =>
            services.GetRequiredService<MailQueue>().EnqueueAsync("once", "tests", new OutgoingMail("alex@school.example", "Alex", "S", "T", "<p>H</p>")));

        Assert.False(again);
        Assert.Single(await OutboxAsync(site));
    }

    [Fact]
    public async Task A_scheduled_send_waits_for_its_time_and_a_cancelled_one_never_goes()
    {
        var site = await StartSiteAsync();
        await QueueAsync(site, "later", "jo@police.example", sendAt: DateTime.UtcNow.AddHours(1));
        await QueueAsync(site, "soon", "lee@police.example", sendAt: DateTime.UtcNow.AddSeconds(1));

        var cancelled = await site.WithBoardServicesAsync("norfolk", async services =>
        {
            var result = await services.GetRequiredService<MailQueue>().CancelAsync("later");
            await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
            return result;
        });

        Assert.True(cancelled);
        await _smtp.WaitForAsync(m => m.IsAddressedTo("lee@police.example"));
        var outbox = await OutboxAsync(site);
        Assert.Equal(OutboxStatus.Cancelled, outbox.Single(m => m.DedupeKey == "later").Status);
        Assert.True(outbox.Single(m => m.DedupeKey == "soon").SentUtc >= outbox.Single(m => m.DedupeKey == "soon").NextAttemptUtc);
        Assert.DoesNotContain(_smtp.Messages(), m => m.IsAddressedTo("jo@police.example"));
    }

    [Fact]
    public async Task After_its_last_attempt_a_message_is_marked_failed_with_the_error_and_can_be_sent_again()
    {
        var site = await StartSiteAsync();
        await _smtp.StopAsync();
        await QueueAsync(site, "gives-up", "ro@council.example");

        await WaitUntilAsync(async () => (await OutboxAsync(site)).Single().Status == OutboxStatus.Failed, "the message is failed");
        var failed = (await OutboxAsync(site)).Single();
        Assert.Equal(3, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));

        await _smtp.StartAsync();
        await site.WithBoardServicesAsync("norfolk", async services =>
        {
            Assert.True(await services.GetRequiredService<MailQueue>().RetryAsync(failed.Id));
            return await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
        });

        await _smtp.WaitForAsync(m => m.IsAddressedTo("ro@council.example"));
    }

    [Fact]
    public async Task A_rush_of_bookings_that_begins_mid_pass_holds_the_rest_of_the_pass_until_it_ends()
    {
        var site = await StartSiteAsync(dispatcher: false);
        const int batch = 50;
        for (var i = 0; i < batch; i++)
        {
            await QueueAsync(site, $"rush-{i}", $"rush{i}@school.example");
        }

        var foreground = site.Services.GetRequiredService<ForegroundWork>();
        var pass = site.Services.GetRequiredService<OutboxProcessor>().RunOnceAsync(CancellationToken.None);

        // The rush begins as soon as the first message has reached the server (polled tightly: the pass sends a
        // message every few milliseconds), so it is under way while most of the batch is still to send.
        var clock = Stopwatch.StartNew();
        while (_smtp.Count() == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the pass sent nothing");
            await Task.Delay(1);
        }

        // A rush is as many bookings in flight as the machine has cores (ForegroundWork.RushAt).
        var rush = Enumerable.Range(0, foreground.RushAt).Select(_ => foreground.Begin()).ToList();
        var sentWhenItBegan = _smtp.Count();

        // For a second (longer than the whole pass takes unhindered), at most the message already under way goes.
        clock.Restart();
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            Assert.True(_smtp.Count() <= sentWhenItBegan + 1,
                $"{_smtp.Count()} of {batch} sent during the rush, {sentWhenItBegan} when it began");
            await Task.Delay(10);
        }

        Assert.False(pass.IsCompleted);
        rush.ForEach(booking => booking.Dispose());
        Assert.Equal(batch, await pass.WaitAsync(TimeSpan.FromSeconds(20)));
        await _smtp.WaitForAsync(m => m.Headers["Subject"].Contains("rush-"), batch);
    }

    private sealed class MailFactory(string dataPath, bool dispatcher, int maxAttempts) : LearningHubFactory(dataPath)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Notifications:DispatcherEnabled"] = dispatcher ? "true" : "false",
            ["Notifications:PollInterval"] = "00:00:00.100",
            ["Notifications:FirstRetryDelay"] = "00:00:00.200",
            ["Notifications:MaxRetryDelay"] = "00:00:00.500",
            ["Notifications:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:SmtpTimeout"] = "00:00:05",
        };
    }
}
