using LearningHub.Core.Accounts;
using LearningHub.Core.Security;

namespace LearningHub.Events;

public sealed class EventsPermissions : IPermissionProvider
{
    /// <summary>Create, publish, move and cancel events and roadshows; see bookings; take the register; export; report.</summary>
    public const string ManageEvents = "events.manage";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageEvents, "Run learning events and roadshows: schedule, bookings, waiting lists, register, exports and reach reports",
            [BoardRoles.Coordinator, BoardRoles.BoardAdmin]),
    ];
}
