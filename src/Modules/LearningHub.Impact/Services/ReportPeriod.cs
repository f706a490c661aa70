using System.Globalization;
using LearningHub.Core.Time;

namespace LearningHub.Impact.Services;

/// <summary>
/// A reporting period of whole days, both ends included, in the board's (London) time. Boards report on the
/// year from 1 April to 31 March, so that is the default: the reporting year today falls in.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public DateTime FromUtc => LondonTime.ToUtc(From.ToDateTime(TimeOnly.MinValue));

    /// <summary>The start of the day after <see cref="To"/>, so the last day counts in full.</summary>
    public DateTime ToUtc => LondonTime.ToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static ReportPeriod ReportingYearOf(DateOnly day)
    {
        var startYear = day.Month >= 4 ? day.Year : day.Year - 1;
        return new ReportPeriod(new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31));
    }

    public string Text => $"{From.ToString("d MMMM yyyy", English)} to {To.ToString("d MMMM yyyy", English)}";
}
