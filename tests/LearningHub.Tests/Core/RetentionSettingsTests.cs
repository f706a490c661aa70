using LearningHub.Core.Privacy;

namespace LearningHub.Tests.Core;

public sealed class RetentionSettingsTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 5, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Defaults_are_six_years_thirty_days_ninety_days_and_six_years()
    {
        var cutoffs = new RetentionSettings().CutoffsAt(Now);

        Assert.Equal(new DateTime(2020, 11, 22, 5, 0, 0, DateTimeKind.Utc), cutoffs.EventsEndedBefore);
        Assert.Equal(new DateTime(2026, 10, 23, 5, 0, 0, DateTimeKind.Utc), cutoffs.UnconfirmedAccountsRegisteredBefore);
        Assert.Equal(new DateTime(2026, 8, 24, 5, 0, 0, DateTimeKind.Utc), cutoffs.MailSentBefore);
        Assert.Equal(new DateTime(2020, 11, 22, 5, 0, 0, DateTimeKind.Utc), cutoffs.NamedAnswersSubmittedBefore);
    }

    [Fact]
    public void Months_and_years_follow_the_calendar()
    {
        var endOfMarch = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 2, 28, 0, 0, 0, DateTimeKind.Utc), new RetentionPeriod(1, RetentionUnit.Months).CutoffBefore(endOfMarch));
        var leapDay = new DateTime(2028, 2, 29, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2027, 2, 28, 0, 0, 0, DateTimeKind.Utc), new RetentionPeriod(1, RetentionUnit.Years).CutoffBefore(leapDay));
    }

    [Theory]
    [InlineData(1, RetentionUnit.Years, true)]
    [InlineData(12, RetentionUnit.Months, true)] // a year, however it is written
    [InlineData(364, RetentionUnit.Days, false)]
    [InlineData(365, RetentionUnit.Days, true)]
    [InlineData(999999999, RetentionUnit.Years, false)] // beyond the calendar: refused, not an exception
    [InlineData(10, RetentionUnit.Years, true)]
    [InlineData(11, RetentionUnit.Years, false)]
    [InlineData(0, RetentionUnit.Years, false)]
    [InlineData(120, RetentionUnit.Months, true)]
    [InlineData(121, RetentionUnit.Months, false)]
    [InlineData(3650, RetentionUnit.Days, true)]
    public void Attendance_is_kept_between_one_and_ten_years(int amount, RetentionUnit unit, bool allowed) =>
        Assert.Equal(allowed, RetentionRule.Attendance.Allows(new RetentionPeriod(amount, unit)));

    [Fact]
    public void Periods_read_as_people_write_them()
    {
        Assert.Equal("1 year", new RetentionPeriod(1, RetentionUnit.Years).ToString());
        Assert.Equal("90 days", new RetentionPeriod(90, RetentionUnit.Days).ToString());
        Assert.Equal("1 month", new RetentionPeriod(1, RetentionUnit.Months).ToString());
    }
}
