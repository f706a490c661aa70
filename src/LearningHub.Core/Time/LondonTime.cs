using System.Globalization;

namespace LearningHub.Core.Time;

/// <summary>
/// UK local time. Times are stored in UTC (the DbContext reads every <see cref="DateTime"/> back as
/// <see cref="DateTimeKind.Utc"/>) and shown in Europe/London, in the GOV.UK style ("Tuesday 9 December 2026, 9:30am").
/// </summary>
public static class LondonTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A UTC time on the London wall clock; an unspecified kind is taken as UTC, as the database hands it back.</summary>
    public static DateTime ToLondon(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A London wall-clock time as UTC (an hour that does not exist in spring moves forward).</summary>
    public static DateTime ToUtc(DateTime london)
    {
        var local = DateTime.SpecifyKind(london, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public static string Date(DateTime utc) => ToLondon(utc).ToString("dddd d MMMM yyyy", English);

    public static string Time(DateTime utc)
    {
        var london = ToLondon(utc);
        var hour = london.Hour % 12 == 0 ? 12 : london.Hour % 12;
        var suffix = london.Hour < 12 ? "am" : "pm";
        return london.Minute == 0 ? $"{hour}{suffix}" : $"{hour}:{london.Minute:00}{suffix}";
    }

    public static string DateTimeText(DateTime utc) => $"{Date(utc)}, {Time(utc)}";

    /// <summary>"Tuesday 9 December 2026, 9:30am to 12:30pm" (the end's date too when it is another day).</summary>
    public static string Range(DateTime startUtc, DateTime endUtc) =>
        ToLondon(startUtc).Date == ToLondon(endUtc).Date
            ? $"{Date(startUtc)}, {Time(startUtc)} to {Time(endUtc)}"
            : $"{DateTimeText(startUtc)} to {DateTimeText(endUtc)}";
}
