using LearningHub.Core.Navigation;

namespace LearningHub.Events;

public sealed class EventsNavigation : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Events", "events", 20),
        new("My bookings", "events/my-bookings", 25, SignedInOnly: true),
        new("Manage events", "events/manage", 850, EventsPermissions.ManageEvents),
    ];
}
