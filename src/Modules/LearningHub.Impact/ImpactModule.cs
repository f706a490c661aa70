using LearningHub.Core.Navigation;
using LearningHub.Core.Security;
using LearningHub.Impact.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Impact;

/// <summary>
/// The board's impact: reach against the workforce and change measured, for a recommendation (shown on Cases'
/// recommendation page through Core's <see cref="LearningHub.Core.Learning.IRecommendationImpact"/>), for an agency
/// (its safeguarding lead's view), and the annual-report pack. Reads Cases, Events and Forms; nothing reads it but
/// through Core.
/// </summary>
public static class ImpactModule
{
    public static IServiceCollection AddImpactModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPermissionProvider, ImpactPermissions>();
        services.AddSingleton<INavigationProvider, ImpactNavigation>();
        services.Configure<ImpactOptions>(configuration.GetSection(ImpactOptions.Section));
        services.AddScoped<ImpactReach>();
        services.AddScoped<ImpactChange>();
        services.AddScoped<AnnualReport>();
        services.AddScoped<LearningHub.Core.Learning.IRecommendationImpact, RecommendationImpactReader>();
        return services;
    }

    /// <summary>Every Impact page is a Razor Page routed under <c>/{board}/</c> by the host; no other endpoints.</summary>
    public static IEndpointRouteBuilder MapImpactModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
