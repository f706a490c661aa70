namespace LearningHub.Core.Validation;

/// <summary>
/// The window of sensible dates someone may type into a form (1900 to 2200; <see cref="DateInput"/> reads
/// them). A date outside the window is a field error rather than a value passed on,
/// because every later step (London time to UTC, adding a booking window, copying an event a week on,
/// ordering in the database) can overflow at year 1 or 9999.
/// </summary>
public static class FormDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2200, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;
}
