using LearningHub.Core.Accounts;
using LearningHub.Core.Security;

namespace LearningHub.Impact;

public sealed class ImpactPermissions : IPermissionProvider
{
    /// <summary>See the board's impact: reach against the workforce, change measured, the annual-report pack, for every agency.</summary>
    public const string ViewImpact = "impact.view";

    /// <summary>See reach and change for one's own agency only (the account's agency), across the board's learning.</summary>
    public const string ViewAgencyImpact = "impact.agency";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewImpact, "See the board's impact and annual-report pack (every agency)", [BoardRoles.BoardAdmin]),
        new(ViewAgencyImpact, "See reach and change for their own agency only", [BoardRoles.AgencyLead]),
    ];
}
