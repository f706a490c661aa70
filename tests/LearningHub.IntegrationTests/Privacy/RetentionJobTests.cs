using LearningHub.Core.Privacy;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Forms;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>
/// The daily retention job against records just either side of each default cutoff (one minute in, one
/// minute out), with the clock held still and then moved a day: exactly the expired records change.
/// </summary>
public sealed class RetentionJobTests : IClassFixture<RetentionFactory>
{
    private readonly RetentionFactory _factory;

    public RetentionJobTests(RetentionFactory factory) => _factory = factory;

    [Fact]
    public async Task Daily_run_anonymises_exactly_what_has_expired_and_audits_the_counts_once_a_day()
    {
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var cutoffs = new RetentionSettings().CutoffsAt(now);
        var minute = TimeSpan.FromMinutes(1);

        // Events: an event that ended just before the cutoff, and one just after it.
        var oldEvent = await _factory.EventEndedAtAsync("norfolk", cutoffs.EventsEndedBefore - minute);
        var newEvent = await _factory.EventEndedAtAsync("norfolk", cutoffs.EventsEndedBefore + minute);
        var oldAttended = await _factory.BookingAsync("norfolk", oldEvent, "Alex Attended");
        var oldNoShow = await _factory.BookingAsync("norfolk", oldEvent, "Noel Noshow", AttendanceMark.NoShow);
        var oldWalkIn = await _factory.BookingAsync("norfolk", oldEvent, "Wendy Walkin", AttendanceMark.WalkIn, walkIn: true);

        // Accounts: unconfirmed either side of the cutoff, an old unconfirmed one that holds a booking, an old confirmed one.
        var oldUnconfirmed = await _factory.UnconfirmedAccountAsync("norfolk", "old.unconfirmed@school.example", cutoffs.UnconfirmedAccountsRegisteredBefore - minute);
        var newUnconfirmed = await _factory.UnconfirmedAccountAsync("norfolk", "new.unconfirmed@school.example", cutoffs.UnconfirmedAccountsRegisteredBefore + minute);
        var oldInUse = await _factory.UnconfirmedAccountAsync("norfolk", "old.booked@school.example", cutoffs.UnconfirmedAccountsRegisteredBefore - minute);
        var oldConfirmed = await _factory.UnconfirmedAccountAsync("norfolk", "old.confirmed@school.example", cutoffs.UnconfirmedAccountsRegisteredBefore - minute, confirmed: true);
        var newBooking = await _factory.BookingAsync("norfolk", newEvent, "Nina Newer", userId: oldInUse);

        // Mail: sent either side of the cutoff, and an old one still pending (never touched).
        var oldMail = await _factory.MailAsync("norfolk", "old.mail@school.example", OutboxStatus.Sent, cutoffs.MailSentBefore.AddDays(-1), cutoffs.MailSentBefore - minute);
        var newMail = await _factory.MailAsync("norfolk", "new.mail@school.example", OutboxStatus.Sent, cutoffs.MailSentBefore.AddDays(-1), cutoffs.MailSentBefore + minute);
        var pendingMail = await _factory.MailAsync("norfolk", "pending.mail@school.example", OutboxStatus.Pending, cutoffs.MailSentBefore.AddDays(-5), null);

        // Named form answers submitted either side of the cutoff.
        var formId = await _factory.CreateFormAsync("norfolk", "retention-named", FormPurpose.GeneralFeedback, anonymous: false,
            FormsTestSupport.Q(LearningHub.Forms.Domain.QuestionType.LongText, "What will you do differently?", "different"));
        var oldSubmission = await SubmissionAsync(formId, "Olive Older", cutoffs.NamedAnswersSubmittedBefore - minute);
        var newSubmission = await SubmissionAsync(formId, "Newt Newer", cutoffs.NamedAnswersSubmittedBefore + minute);

        var reachFrom = cutoffs.EventsEndedBefore.AddDays(-2);
        var reachTo = cutoffs.EventsEndedBefore.AddDays(2);
        var reachBefore = await ReachAsync(reachFrom, reachTo, now);

        var ran = await RunDailyAsync();

        Assert.Equal(2, ran); // Norfolk and Essex, once each.

        // Bookings of the old event lost the person but kept what reports count.
        foreach (var id in new[] { oldAttended, oldNoShow, oldWalkIn })
        {
            var b = await _factory.DbAsync(db => db.Set<Booking>().AsNoTracking().SingleAsync(x => x.Id == id));
            Assert.Equal(Booking.RemovedName, b.FullName);
            Assert.Equal("", b.Email);
            Assert.Null(b.UserId);
            Assert.Null(b.ActiveUserId);
            Assert.Null(b.JobRole);
            Assert.Null(b.LineManagerEmail);
            Assert.Null(b.Answer);
            Assert.Equal(BookingStatus.Confirmed, b.Status);
            Assert.Equal("Schools and colleges", b.AgencyName);
            Assert.Equal(LearningHub.Core.Taxonomies.Sector.Education, b.Sector);
            Assert.Equal("Norwich", b.LocalityName);
        }

        Assert.Equal(AttendanceMark.NoShow, (await _factory.DbAsync(db => db.Set<Booking>().AsNoTracking().SingleAsync(x => x.Id == oldNoShow))).Attendance);
        var kept = await _factory.DbAsync(db => db.Set<Booking>().AsNoTracking().SingleAsync(x => x.Id == newBooking));
        Assert.Equal("Nina Newer", kept.FullName);
        Assert.Equal("nina.newer@school.example", kept.Email);
        Assert.Equal("head@school.example", kept.LineManagerEmail);
        Assert.Equal(oldInUse, kept.UserId);

        // The reach report counts the same before and after.
        var reachAfter = await ReachAsync(reachFrom, reachTo, now);
        Assert.Equal(reachBefore.Totals, reachAfter.Totals);
        Assert.Equal(reachBefore.ByAgency, reachAfter.ByAgency);
        Assert.Equal(3, reachAfter.Totals.All.Attended); // Alex, Wendy (walk-in) and Nina
        Assert.Equal(1, reachAfter.Totals.All.NoShows);

        // Accounts: only the old, unconfirmed, unused one is gone.
        var users = await _factory.DbAsync(db => db.Users.AsNoTracking().Select(u => u.Id).ToListAsync());
        Assert.DoesNotContain(oldUnconfirmed, users);
        Assert.Contains(newUnconfirmed, users);
        Assert.Contains(oldInUse, users);
        Assert.Contains(oldConfirmed, users);

        // Mail: the old sent one is emptied, its delivery record kept; the others untouched.
        var blanked = await _factory.DbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == oldMail));
        Assert.Equal("", blanked.ToAddress);
        Assert.Equal("", blanked.ToName);
        Assert.Equal(OutboxMessage.RemovedSubject, blanked.Subject);
        Assert.Equal("", blanked.TextBody);
        Assert.Equal("", blanked.HtmlBody);
        Assert.Null(blanked.AttachmentContent);
        Assert.Equal(OutboxStatus.Sent, blanked.Status);
        Assert.Equal("tests.retention", blanked.Category);
        Assert.NotNull(blanked.SentUtc);
        Assert.Equal("new.mail@school.example", (await _factory.DbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == newMail))).ToAddress);
        var pending = await _factory.DbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == pendingMail));
        Assert.Equal("pending.mail@school.example", pending.ToAddress);
        Assert.Equal("Dear Pat Example", pending.TextBody);

        // Forms: the old submission is anonymous now, its answer still there; the new one still named.
        var old = await _factory.DbAsync(db => db.Set<FormSubmission>().AsNoTracking().Include(s => s.Answers).SingleAsync(s => s.Id == oldSubmission));
        Assert.Null(old.UserId);
        Assert.Null(old.RespondentName);
        Assert.Null(old.RespondentEmail);
        Assert.Equal("Listen to the child", Assert.Single(old.Answers).Value);
        var newer = await _factory.DbAsync(db => db.Set<FormSubmission>().AsNoTracking().SingleAsync(s => s.Id == newSubmission));
        Assert.Equal("Newt Newer", newer.RespondentName);
        Assert.NotNull(newer.UserId);

        // One audit entry per board, with every count (zeros included).
        var entry = Assert.Single(await _factory.RetentionEntriesAsync("norfolk"));
        Assert.Equal("daily", entry.Trigger());
        Assert.Equal("System", entry.ActorName);
        Assert.Equal(new Dictionary<string, int>
        {
            ["accounts.unconfirmedDeleted"] = 1,
            ["accounts.unconfirmedKeptInUse"] = 1,
            ["events.bookingsAnonymised"] = 3,
            ["forms.submissionsDetached"] = 1,
            ["notifications.mailsBlanked"] = 1,
        }, entry.Counts());
        var essex = Assert.Single(await _factory.RetentionEntriesAsync("essex"));
        Assert.Equal(5, essex.Counts().Count);
        Assert.All(essex.Counts().Values, count => Assert.Equal(0, count));

        // A second pass the same day does nothing at all.
        Assert.Equal(0, await RunDailyAsync());
        Assert.Single(await _factory.RetentionEntriesAsync("norfolk"));

        // The next day the records that were one minute inside have expired too, and only they change.
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await RunDailyAsync());
        var nextDay = (await _factory.RetentionEntriesAsync("norfolk"))[1];
        Assert.Equal(new Dictionary<string, int>
        {
            ["accounts.unconfirmedDeleted"] = 1,
            // Accounts are checked before the bookings source runs, so Nina's booking still held her account.
            ["accounts.unconfirmedKeptInUse"] = 1,
            ["events.bookingsAnonymised"] = 1,
            ["forms.submissionsDetached"] = 1,
            ["notifications.mailsBlanked"] = 1,
        }, nextDay.Counts());
        Assert.Equal(Booking.RemovedName, (await _factory.DbAsync(db => db.Set<Booking>().AsNoTracking().SingleAsync(x => x.Id == newBooking))).FullName);
    }

    private async Task<int> RunDailyAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionScheduler>().RunDueAsync(CancellationToken.None);
    }

    private Task<Reach> ReachAsync(DateTime fromUtc, DateTime toUtc, DateTime nowUtc) =>
        _factory.WithBoardServicesAsync("norfolk", services => services.GetRequiredService<ReachReport>().ForAsync(fromUtc, toUtc, nowUtc));

    private Task<Guid> SubmissionAsync(Guid formId, string name, DateTime submittedUtc) =>
        _factory.WithBoardAsync("norfolk", async db =>
        {
            var version = await db.Set<FormVersion>().Where(v => v.FormId == formId).OrderByDescending(v => v.Number).FirstAsync();
            var question = await db.Set<FormQuestion>().Where(q => q.FormVersionId == version.Id).FirstAsync();
            var submission = new FormSubmission
            {
                FormId = formId,
                FormVersionId = version.Id,
                Context = "general",
                UserId = Guid.NewGuid().ToString(),
                RespondentName = name,
                RespondentEmail = name.Replace(' ', '.').ToLowerInvariant() + "@school.example",
                StartedUtc = submittedUtc.AddMinutes(-10),
                UpdatedUtc = submittedUtc,
                SubmittedUtc = submittedUtc,
            };
            submission.Answers.Add(new FormAnswer { QuestionId = question.Id, Value = "Listen to the child" });
            db.Add(submission);
            await db.SaveChangesAsync();
            return submission.Id;
        });
}
