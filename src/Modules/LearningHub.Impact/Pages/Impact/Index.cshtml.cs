using LearningHub.Impact.Services;
using Microsoft.AspNetCore.Authorization;

namespace LearningHub.Impact.Pages.Impact;

/// <summary>The board's annual-report pack for a period: every section, every agency.</summary>
[Authorize(Policy = ImpactPermissions.ViewImpact)]
public sealed class IndexModel(AnnualReport report, TimeProvider clock) : ReportPageModel(report, clock)
{
    protected override Task<(bool Allowed, Guid? AgencyId)> AgencyAsync() => Task.FromResult<(bool, Guid?)>((true, null));
}
