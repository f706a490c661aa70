using System.Globalization;
using LearningHub.Core.Time;

namespace LearningHub.Core.Privacy;

/// <summary>How values read in an export: times in UK local time, yes/no, empty for nothing.</summary>
public static class PersonalDataText
{
    public static string? Time(DateTime? utc) => utc is { } value
        ? LondonTime.ToLondon(value).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"))
        : null;

    public static string YesNo(bool value) => value ? "Yes" : "No";
}
