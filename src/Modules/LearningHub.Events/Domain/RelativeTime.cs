using System.Globalization;
using System.Text.RegularExpressions;

namespace LearningHub.Events.Domain;

/// <summary>
/// Recipe times relative to the day the recipe is applied, in UK time: <c>"+21d 09:30"</c> is 21 days
/// from today at 9:30 in Europe/London, so a demo always has upcoming events. An absolute London time
/// (<c>"2027-03-09 09:30"</c>) is accepted too.
/// </summary>
public static partial class RelativeTime
{
    public static bool TryParse(string text, DateOnly todayLondon, out DateTime london)
    {
        london = default;
        var relative = RelativePattern().Match(text.Trim());
        if (relative.Success)
        {
            var days = int.Parse(relative.Groups["days"].Value, CultureInfo.InvariantCulture);
            if (relative.Groups["sign"].Value == "-")
            {
                days = -days;
            }

            if (!TimeOnly.TryParseExact(relative.Groups["time"].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return false;
            }

            london = todayLondon.AddDays(days).ToDateTime(time);
            return true;
        }

        return DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out london);
    }

    [GeneratedRegex(@"^(?<sign>[+-])(?<days>\d{1,4})d (?<time>\d{2}:\d{2})$")]
    private static partial Regex RelativePattern();
}
