using LearningHub.Bench.Scale;
using LearningHub.Core.Accounts;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Forms.Domain;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// seed-scale's rows without a database (issue 22): the same board, quota and day make the same rows (the seed is
/// reproducible), another board makes others, the booking rules hold, and the totals are shared out exactly.
/// </summary>
public sealed class SeedScaleRowsTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly BoardSetup Setup = new(
        BoardId: new Guid("5eed0000-0000-4000-8000-000000000001"),
        Slug: "kent",
        ShortName: "KEN001",
        Agencies:
        [
            new Agency { Id = new Guid("5eed0000-0000-4000-8000-00000000000a"), Key = "police", Name = "Kent Police", Sector = Sector.Police, Workforce = 300 },
            new Agency { Id = new Guid("5eed0000-0000-4000-8000-00000000000b"), Key = "health", Name = "Kent Community Health", Sector = Sector.Health, Workforce = 100 },
        ],
        Localities: [new Locality { Id = new Guid("5eed0000-0000-4000-8000-00000000000c"), Key = "maidstone", Name = "Maidstone" }],
        Themes: [new Guid("5eed0000-0000-4000-8000-00000000000d")],
        Topics: [new Guid("5eed0000-0000-4000-8000-00000000000e")],
        Forms: new Dictionary<string, SetupForm>
        {
            ["event-baseline"] = Form(1, anonymous: true, QuestionType.Scale, QuestionType.LongText),
            ["event-evaluation"] = Form(2, anonymous: true, QuestionType.Scale, QuestionType.YesNo),
            ["event-follow-up-90-days"] = Form(3, anonymous: false, QuestionType.YesNo, QuestionType.Date),
        },
        RoleIds: BoardRoles.All.ToDictionary(r => r, r => $"role-{r}"));

    private static readonly BoardQuota Quota = new(Accounts: 120, Modules: 3, Events: 10, Bookings: 300, Completions: 150, EvaluationAnswers: 120, AuditEntries: 50, MailRows: 40, AuditDays: 30);

    private static SetupForm Form(int n, bool anonymous, params QuestionType[] types) => new(
        new Guid($"5eed0000-0000-4000-8000-0000000001{n:D2}"),
        new Guid($"5eed0000-0000-4000-8000-0000000002{n:D2}"),
        anonymous,
        types.Select((type, i) => new FormQuestion { Id = new Guid($"5eed0000-0000-4000-8000-0000000003{n}{i}"), Key = $"q{i}", Text = $"Question {i}", Type = type, Position = i }).ToList());

    private static BoardRows Make(int boardIndex)
    {
        var rows = new BoardRows(boardIndex, Setup, Quota, Today, "the-one-hash");
        rows.Make();
        return rows;
    }

    /// <summary>Every generated id and value that matters, in order.</summary>
    private static string Fingerprint(BoardRows rows) => string.Join("\n",
        rows.Users.Select(u => $"{u.Id} {u.Email} {u.SecurityStamp} {u.AgencyId} {u.CreatedUtc:O}")
            .Concat(rows.Events.Select(e => $"{e.Id} {e.StartUtc:O} {e.Capacity}"))
            .Concat(rows.Bookings.Select(b => $"{b.Id} {b.Reference} {b.UserId} {b.Status} {b.Attendance} {b.CreatedUtc:O}"))
            .Concat(rows.Certificates.Select(c => $"{c.Code} {c.UserId} {c.CompletedUtc:O}"))
            .Concat(rows.Answers.Select(a => $"{a.SubmissionId} {a.QuestionId} {a.Value}"))
            .Concat(rows.Audit.Select(a => $"{a.Action} {a.TargetId} {a.OccurredUtc:O}"))
            .Concat(rows.Mail.Select(m => $"{m.DedupeKey} {m.Status}")));

    [Fact]
    public void The_same_board_and_quota_make_the_same_rows_and_another_board_other_rows()
    {
        Assert.Equal(Fingerprint(Make(0)), Fingerprint(Make(0)));
        Assert.NotEqual(Fingerprint(Make(0)), Fingerprint(Make(1)));
    }

    [Fact]
    public void A_board_gets_its_quota_exactly_and_the_booking_rules_hold()
    {
        var rows = Make(0);

        Assert.Equal(Quota.Accounts, rows.Users.Count);
        Assert.All(rows.Users, u => Assert.Equal("the-one-hash", u.PasswordHash));
        Assert.Equal(Quota.Accounts, rows.Users.Select(u => u.NormalizedEmail).Distinct().Count());
        Assert.Equal(Quota.Modules, rows.Modules.Count);
        Assert.All(rows.Modules, m => Assert.Contains(rows.Versions, v => v.Id == m.PublishedVersionId));
        Assert.Equal(Quota.Events, rows.Events.Count);
        Assert.Equal(Quota.Bookings, rows.Bookings.Count);
        Assert.Equal(Quota.Bookings, rows.Bookings.Select(b => b.Reference).Distinct().Count());
        Assert.Equal(Quota.Completions, rows.Progress.Count(p => p.CompletedUtc is not null));
        Assert.Equal(Quota.Completions, rows.Certificates.Count);
        Assert.Equal(rows.Progress.Count, rows.Progress.Select(p => (p.UserId, p.VersionId)).Distinct().Count());
        Assert.Equal(Quota.EvaluationAnswers, rows.Answers.Count);
        Assert.Equal(Quota.AuditEntries, rows.Audit.Count);
        Assert.Equal(Quota.MailRows, rows.Mail.Count);
        Assert.Equal(Quota.MailRows, rows.Mail.Select(m => m.DedupeKey).Distinct().Count());

        var today = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var ev in rows.Events)
        {
            var bookings = rows.Bookings.Where(b => b.EventId == ev.Id).ToList();
            var confirmed = bookings.Count(b => b.Status == BookingStatus.Confirmed && !b.IsWalkIn);
            Assert.True(confirmed <= ev.Capacity, $"{ev.Title}: {confirmed} confirmed, capacity {ev.Capacity}");
            if (bookings.Any(b => b.Status == BookingStatus.Waitlisted))
            {
                Assert.Equal(ev.Capacity, confirmed);
            }

            // One active booking per person and event (the unique index the app relies on).
            var active = bookings.Where(b => b.ActiveUserId is not null).Select(b => b.ActiveUserId).ToList();
            Assert.Equal(active.Count, active.Distinct().Count());
            Assert.True(ev.StartUtc < today || bookings.All(b => b.Attendance is null), $"{ev.Title}: attendance marked before it happened");
        }

        Assert.Contains(rows.Bookings, b => b.Status == BookingStatus.Waitlisted);
        Assert.Contains(rows.Bookings, b => b.Status == BookingStatus.Cancelled);
        Assert.Contains(rows.Bookings, b => b.IsWalkIn);
        Assert.Contains(rows.Bookings, b => b.Attendance == AttendanceMark.Attended);
        // Anonymous evaluations keep no one's account or name; the follow-up is named.
        Assert.All(rows.Submissions.Where(s => s.FormId == Setup.Forms["event-evaluation"].FormId), s => Assert.Null(s.UserId));
        Assert.All(rows.Submissions.Where(s => s.FormId == Setup.Forms["event-follow-up-90-days"].FormId), s => Assert.NotNull(s.UserId));
    }

    [Fact]
    public void Accounts_are_spread_unevenly_with_the_largest_board_as_asked_and_totals_shared_exactly()
    {
        var accounts = Spread.Zipf(1_000_000, 40_000, 150);

        Assert.Equal(1_000_000, accounts.Sum());
        Assert.Equal(40_000, accounts[0]);
        Assert.All(accounts.Skip(1), a => Assert.True(a < 40_000));
        Assert.True(accounts[^1] >= 1_000, $"smallest board {accounts[^1]}");
        var bookings = Spread.Proportional(5_000_000, accounts);
        Assert.Equal(5_000_000, bookings.Sum());
        Assert.Equal(200_000, bookings[0]);
    }
}
