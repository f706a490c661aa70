using LearningHub.Core.Boards;

namespace LearningHub.Core.Privacy;

/// <summary>The unit a retention period is counted in; months and years follow the calendar.</summary>
public enum RetentionUnit
{
    Days,
    Months,
    Years,
}

/// <summary>How long something is kept: a whole number of days, months or years.</summary>
public readonly record struct RetentionPeriod(int Amount, RetentionUnit Unit)
{
    /// <summary>The moment before which something has been kept longer than this period at <paramref name="nowUtc"/>.</summary>
    public DateTime CutoffBefore(DateTime nowUtc) => Unit switch
    {
        RetentionUnit.Days => nowUtc.AddDays(-Amount),
        RetentionUnit.Months => nowUtc.AddMonths(-Amount),
        _ => nowUtc.AddYears(-Amount),
    };

    /// <summary>A fixed day to measure periods back from, so 12 months and 1 year compare as equal.</summary>
    private static readonly DateTime Reference = new(2002, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How many days the period spans, measured back from a fixed day; only to compare periods with bounds.</summary>
    public int Days
    {
        get
        {
            try
            {
                return (int)(Reference - CutoffBefore(Reference)).TotalDays;
            }
            catch (ArgumentOutOfRangeException)
            {
                // Further back than the calendar goes (someone typed 99999 years): longer than any bound.
                return int.MaxValue;
            }
        }
    }

    public override string ToString() => $"{Amount} {(Amount == 1 ? Unit.ToString().TrimEnd('s') : Unit.ToString()).ToLowerInvariant()}";
}

/// <summary>The kinds of personal data a board keeps for a set time, with their defaults and the bounds a board may choose within.</summary>
public sealed record RetentionRule(string Key, string Label, RetentionPeriod Default, RetentionPeriod Shortest, RetentionPeriod Longest)
{
    public static readonly RetentionRule Attendance = new("attendance", "Attendance and booking details",
        new(6, RetentionUnit.Years), new(1, RetentionUnit.Years), new(10, RetentionUnit.Years));

    public static readonly RetentionRule UnconfirmedAccounts = new("unconfirmedAccounts", "Unconfirmed accounts",
        new(30, RetentionUnit.Days), new(7, RetentionUnit.Days), new(1, RetentionUnit.Years));

    public static readonly RetentionRule MailBodies = new("mailBodies", "Sent mail",
        new(90, RetentionUnit.Days), new(7, RetentionUnit.Days), new(2, RetentionUnit.Years));

    public static readonly RetentionRule NamedAnswers = new("namedAnswers", "Named form answers",
        new(6, RetentionUnit.Years), new(1, RetentionUnit.Years), new(10, RetentionUnit.Years));

    public bool Allows(RetentionPeriod period) =>
        period.Amount > 0 && period.Days >= Shortest.Days && period.Days <= Longest.Days;
}

/// <summary>
/// How long one board keeps each kind of personal data before the daily retention job anonymises or
/// deletes it. One row per board; a board without a row uses the defaults of <see cref="RetentionRule"/>.
/// </summary>
public class RetentionSettings : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>Kept after the event ended.</summary>
    public int AttendanceAmount { get; set; } = RetentionRule.Attendance.Default.Amount;

    public RetentionUnit AttendanceUnit { get; set; } = RetentionRule.Attendance.Default.Unit;

    /// <summary>Kept after registration while the email address is not confirmed.</summary>
    public int UnconfirmedAccountsAmount { get; set; } = RetentionRule.UnconfirmedAccounts.Default.Amount;

    public RetentionUnit UnconfirmedAccountsUnit { get; set; } = RetentionRule.UnconfirmedAccounts.Default.Unit;

    /// <summary>Kept after the mail was sent.</summary>
    public int MailBodiesAmount { get; set; } = RetentionRule.MailBodies.Default.Amount;

    public RetentionUnit MailBodiesUnit { get; set; } = RetentionRule.MailBodies.Default.Unit;

    /// <summary>Kept after the answers were submitted.</summary>
    public int NamedAnswersAmount { get; set; } = RetentionRule.NamedAnswers.Default.Amount;

    public RetentionUnit NamedAnswersUnit { get; set; } = RetentionRule.NamedAnswers.Default.Unit;

    public DateTime UpdatedUtc { get; set; }

    public RetentionPeriod Attendance
    {
        get => new(AttendanceAmount, AttendanceUnit);
        set => (AttendanceAmount, AttendanceUnit) = (value.Amount, value.Unit);
    }

    public RetentionPeriod UnconfirmedAccounts
    {
        get => new(UnconfirmedAccountsAmount, UnconfirmedAccountsUnit);
        set => (UnconfirmedAccountsAmount, UnconfirmedAccountsUnit) = (value.Amount, value.Unit);
    }

    public RetentionPeriod MailBodies
    {
        get => new(MailBodiesAmount, MailBodiesUnit);
        set => (MailBodiesAmount, MailBodiesUnit) = (value.Amount, value.Unit);
    }

    public RetentionPeriod NamedAnswers
    {
        get => new(NamedAnswersAmount, NamedAnswersUnit);
        set => (NamedAnswersAmount, NamedAnswersUnit) = (value.Amount, value.Unit);
    }

    /// <summary>What has expired at <paramref name="nowUtc"/> under these settings.</summary>
    public RetentionCutoffs CutoffsAt(DateTime nowUtc) => new(
        Attendance.CutoffBefore(nowUtc),
        UnconfirmedAccounts.CutoffBefore(nowUtc),
        MailBodies.CutoffBefore(nowUtc),
        NamedAnswers.CutoffBefore(nowUtc));

    /// <summary>The periods by rule key, for the audit log.</summary>
    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        [RetentionRule.Attendance.Key] = Attendance.ToString(),
        [RetentionRule.UnconfirmedAccounts.Key] = UnconfirmedAccounts.ToString(),
        [RetentionRule.MailBodies.Key] = MailBodies.ToString(),
        [RetentionRule.NamedAnswers.Key] = NamedAnswers.ToString(),
    };
}
