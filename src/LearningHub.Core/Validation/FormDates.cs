using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningHub.Core.Validation;

/// <summary>
/// Reading a date someone typed into a form, in one place: the formats a field accepts, and a window of
/// sensible dates (1900 to 2200). A date outside the window is a field error rather than a value passed on,
/// because every later step (London time to UTC, adding a booking window, copying an event a week on,
/// ordering in the database) can overflow at year 1 or 9999.
/// </summary>
public static class FormDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2200, 12, 31);

    /// <summary>The error for a real date outside <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public static string OutOfRange { get; } =
        $"Enter a date between {Earliest.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} and {Latest.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>
    /// The date in <paramref name="text"/> (blank: null, no error), or null with an error under
    /// <paramref name="key"/>: <paramref name="invalid"/> when it is not a date in one of the
    /// <paramref name="formats"/>, <see cref="OutOfRange"/> when it is outside the window.
    /// </summary>
    public static DateOnly? Read(string? text, ModelStateDictionary errors, string key, string invalid,
        string[]? formats = null, CultureInfo? culture = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), formats ?? ["yyyy-MM-dd"], culture ?? CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.AddModelError(key, invalid);
            return null;
        }

        if (!InRange(date))
        {
            errors.AddModelError(key, OutOfRange);
            return null;
        }

        return date;
    }
}
