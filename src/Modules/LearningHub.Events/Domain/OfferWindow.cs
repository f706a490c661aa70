namespace LearningHub.Events.Domain;

/// <summary>
/// How long a waiting-list offer is held. The board's window (default 48 hours), but never more than
/// half the time left before the event starts, so a place freed the day before still reaches someone
/// who can use it; and never less than an hour, so nobody gets an offer they could not answer.
/// </summary>
public static class OfferWindow
{
    public static readonly TimeSpan Minimum = TimeSpan.FromHours(1);

    public static DateTime ExpiresAt(DateTime nowUtc, DateTime eventStartUtc, int boardWindowHours)
    {
        var window = TimeSpan.FromHours(Math.Max(1, boardWindowHours));
        var halfTimeLeft = (eventStartUtc - nowUtc) / 2;
        var held = window < halfTimeLeft ? window : halfTimeLeft;
        if (held < Minimum)
        {
            held = Minimum;
        }

        return nowUtc + held;
    }
}
