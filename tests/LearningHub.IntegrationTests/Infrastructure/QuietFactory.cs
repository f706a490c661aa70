namespace LearningHub.IntegrationTests.Infrastructure;

/// <summary>The app with no background worker (mail, waiting list, retention, warm-up), so every database
/// command a <see cref="CommandCounter"/> sees is the page's.</summary>
public sealed class QuietFactory : LearningHubFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:DispatcherEnabled"] = "false",
        ["Events:WaitlistJobEnabled"] = "false",
        ["Retention:JobEnabled"] = "false",
        ["Events:BookingWarmUpEnabled"] = "false",
    };
}
