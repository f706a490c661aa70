using System.Globalization;
using System.Text.RegularExpressions;

namespace LearningHub.Events.Domain;

/// <summary>
/// Recipe times relative to the day the recipe is applied, in UK time: <c>"+21d 09:30"</c> is 21 days
/// from today at 9:30 in Europe/London, so a demo always has upcoming events. An absolute London time
/// (<c>"2027-03-09 09:30"</c>) is accepted too. A relative day that falls on a Saturday or Sunday moves to
/// the Monday after (sessions are held on working days; "+10d" lands on a weekend one day in seven), unless
/// the caller allows weekends (an event the recipe marks <c>"onWeekend": true</c>).
/// </summary>
public static partial class RelativeTime
{
    public static bool TryParse(string text, DateOnly todayLondon, out DateTime london, bool allowWeekend = false)
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

            var day = todayLondon.AddDays(days);
            if (!allowWeekend)
            {
                day = day.DayOfWeek switch
                {
                    DayOfWeek.Saturday => day.AddDays(2),
                    DayOfWeek.Sunday => day.AddDays(1),
                    _ => day,
                };
            }

            london = day.ToDateTime(time);
            return true;
        }

        return DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out london);
    }

    [GeneratedRegex(@"^(?<sign>[+-])(?<days>\d{1,4})d (?<time>\d{2}:\d{2})$")]
    private static partial Regex RelativePattern();
}
