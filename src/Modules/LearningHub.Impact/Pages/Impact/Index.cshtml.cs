using LearningHub.Core.Pages;
using LearningHub.Impact.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace LearningHub.Impact.Pages.Impact;

/// <summary>The board's annual-report pack for a period: every section, every agency.</summary>
[Authorize(Policy = ImpactPermissions.ViewImpact)]
public sealed class IndexModel(SharedReports shared, IOptions<ImpactOptions> options, TimeProvider clock) : ReportPageModel(shared, options, clock)
{
    protected override Task<(bool Allowed, Guid? AgencyId)> AgencyAsync() => Task.FromResult<(bool, Guid?)>((true, null));
}
