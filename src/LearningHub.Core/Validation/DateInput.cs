using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningHub.Core.Validation;

/// <summary>One box of a field typed in parts (the day of a date, the minute of a time), as the form shows it.</summary>
public sealed record InputPart(string Name, string Label, string? Value, string WidthClass);

/// <summary>
/// A field typed in several boxes (GOV.UK date input, and the hour and minute boxes used for times). It keeps
/// what was typed in each box, so a page shown again with errors shows it again, and says which boxes are wrong,
/// so the form marks only those (GOV.UK: highlight the part of the date that is wrong).
/// </summary>
public interface IPartedInput
{
    IReadOnlyList<InputPart> Parts { get; }

    /// <summary>The names of the parts the current error is about; empty when it is about the whole value.</summary>
    IReadOnlyCollection<string> PartsInError();
}

/// <summary>
/// A date typed in the GOV.UK date input: day, month and year boxes, bound from <c>{field}.Day</c>,
/// <c>{field}.Month</c> and <c>{field}.Year</c>. <see cref="Read"/> gives the date or adds the GOV.UK error
/// message for what is wrong ("Enter the date", "The date must include a month", "The date must be a real date").
/// </summary>
public sealed class DateInput : IPartedInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public static DateInput Of(DateOnly? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInput();

    public bool IsBlank => Blank(Day) && Blank(Month) && Blank(Year);

    public IReadOnlyList<InputPart> Parts =>
    [
        new(nameof(Day), "Day", Day, "govuk-input--width-2"),
        new(nameof(Month), "Month", Month, "govuk-input--width-2"),
        new(nameof(Year), "Year", Year, "govuk-input--width-4"),
    ];

    /// <summary>
    /// The date, or null: blank gives null with an error only when <paramref name="required"/>; anything else
    /// that is not a real date in <see cref="FormDates"/>' window gives null and an error under <paramref name="key"/>.
    /// <paramref name="name"/> is how messages call the field ("the date of the event").
    /// </summary>
    public DateOnly? Read(ModelStateDictionary errors, string key, string name, bool required = true)
    {
        var (date, problem) = Check(name);
        if (problem is not null && (required || !IsBlank))
        {
            errors.AddModelError(key, problem.Message);
        }

        return date;
    }

    public IReadOnlyCollection<string> PartsInError() => Check("").Problem?.Parts ?? [];

    private (DateOnly? Date, PartsProblem? Problem) Check(string name)
    {
        var missing = new List<string>();
        if (Blank(Day))
        {
            missing.Add(nameof(Day));
        }

        if (Blank(Month))
        {
            missing.Add(nameof(Month));
        }

        if (Blank(Year))
        {
            missing.Add(nameof(Year));
        }

        if (missing.Count == 3)
        {
            return (null, new PartsProblem($"Enter {name}", []));
        }

        if (missing.Count > 0)
        {
            return (null, new PartsProblem($"{Capital(name)} must include a {string.Join(" and ", missing.Select(m => m.ToLowerInvariant()))}", missing));
        }

        var year = Year!.Trim();
        if (year.Length != 4 || !year.All(char.IsAsciiDigit))
        {
            return (null, new PartsProblem($"The year of {name} must include 4 numbers", [nameof(Year)]));
        }

        if (!int.TryParse(Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || MonthNumber(Month!.Trim()) is not { } month
            || month is < 1 or > 12
            || day < 1 || day > DateTime.DaysInMonth(int.Parse(year, CultureInfo.InvariantCulture), month))
        {
            return (null, new PartsProblem($"{Capital(name)} must be a real date", []));
        }

        var date = new DateOnly(int.Parse(year, CultureInfo.InvariantCulture), month, day);
        if (!FormDates.InRange(date))
        {
            return (null, new PartsProblem($"{Capital(name)} must be between {FormDates.Earliest.ToString("d MMMM yyyy", English)} and {FormDates.Latest.ToString("d MMMM yyyy", English)}", [nameof(Year)]));
        }

        return (date, null);
    }

    /// <summary>A month as a number, or as its name or short name (GOV.UK asks services to accept "Jan" and "January").</summary>
    private static int? MonthNumber(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        for (var m = 1; m <= 12; m++)
        {
            if (string.Equals(English.DateTimeFormat.GetMonthName(m), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(English.DateTimeFormat.GetAbbreviatedMonthName(m), text, StringComparison.OrdinalIgnoreCase))
            {
                return m;
            }
        }

        return null;
    }

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    internal static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    internal static string Capital(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}

/// <summary>What is wrong with a field typed in parts, and which parts it is about.</summary>
internal sealed record PartsProblem(string Message, IReadOnlyCollection<string> Parts);

/// <summary>
/// A time of day on the 24-hour clock typed in an hour box and a minute box (GOV.UK has no time component;
/// services use two small inputs like the date input's). Bound from <c>{field}.Hour</c> and <c>{field}.Minute</c>.
/// </summary>
public sealed class TimeInput : IPartedInput
{
    public string? Hour { get; set; }

    public string? Minute { get; set; }

    public static TimeInput Of(TimeOnly? time) => time is { } t
        ? new TimeInput { Hour = t.Hour.ToString("00", CultureInfo.InvariantCulture), Minute = t.Minute.ToString("00", CultureInfo.InvariantCulture) }
        : new TimeInput();

    public IReadOnlyList<InputPart> Parts =>
    [
        new(nameof(Hour), "Hour", Hour, "govuk-input--width-2"),
        new(nameof(Minute), "Minute", Minute, "govuk-input--width-2"),
    ];

    /// <summary>The time, or null with an error under <paramref name="key"/> (<paramref name="name"/>: "the start time").</summary>
    public TimeOnly? Read(ModelStateDictionary errors, string key, string name)
    {
        var (time, problem) = Check(name);
        if (problem is not null)
        {
            errors.AddModelError(key, problem.Message);
        }

        return time;
    }

    public IReadOnlyCollection<string> PartsInError() => Check("").Problem?.Parts ?? [];

    private (TimeOnly? Time, PartsProblem? Problem) Check(string name)
    {
        var hourBlank = DateInput.Blank(Hour);
        var minuteBlank = DateInput.Blank(Minute);
        if (hourBlank && minuteBlank)
        {
            return (null, new PartsProblem($"Enter {name}", []));
        }

        if (hourBlank || minuteBlank)
        {
            return (null, new PartsProblem($"{DateInput.Capital(name)} must include {(hourBlank ? "an hour" : "a minute")}", [hourBlank ? nameof(Hour) : nameof(Minute)]));
        }

        if (!int.TryParse(Hour!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23
            || !int.TryParse(Minute!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59)
        {
            return (null, new PartsProblem($"{DateInput.Capital(name)} must be a real time on the 24-hour clock, like 09 30 or 14 00", []));
        }

        return (new TimeOnly(hour, minute), null);
    }
}
