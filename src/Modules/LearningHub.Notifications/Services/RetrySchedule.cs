namespace LearningHub.Notifications.Services;

/// <summary>Exponential backoff with jitter, so a mail server coming back is not hit by every retry at once.</summary>
public static class RetrySchedule
{
    public static TimeSpan DelayAfter(int attempts, TimeSpan first, TimeSpan max, Random random)
    {
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        var jitter = 0.8 + (random.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
