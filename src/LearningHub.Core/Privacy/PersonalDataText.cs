using System.Globalization;

namespace LearningHub.Core.Privacy;

/// <summary>How values read in an export: times in UK local time, yes/no, empty for nothing.</summary>
public static class PersonalDataText
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string? Time(DateTime? utc) => utc is { } value
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), London).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"))
        : null;

    public static string YesNo(bool value) => value ? "Yes" : "No";
}
