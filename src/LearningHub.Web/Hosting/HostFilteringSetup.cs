using LearningHub.Core;
using Microsoft.AspNetCore.HostFiltering;

namespace LearningHub.Web.Hosting;

/// <summary>
/// Host filtering on by default: a request naming another host (a forged <c>Host</c> header) gets 400.
/// ASP.NET Core's own host filtering middleware runs first in every pipeline; this gives it its hosts.
/// </summary>
public static class HostFilteringSetup
{
    /// <summary>
    /// <c>AllowedHosts</c> when configured (<c>;</c>-separated, as ASP.NET Core reads it); else the host of
    /// <c>LearningHub:PublicBaseUrl</c> and <c>localhost</c> (the node's own probes, such as the container's
    /// health check, which address it as localhost). With neither (Development only: the base URL is
    /// required elsewhere) every host is allowed.
    /// </summary>
    public static IServiceCollection AddLearningHubHostFiltering(this IServiceCollection services, IConfiguration configuration)
    {
        // Configure runs before the web host's own PostConfigure, which only fills in "*" when no host is set.
        services.Configure<HostFilteringOptions>(options =>
        {
            var configured = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (configured is { Length: > 0 })
            {
                options.AllowedHosts = configured;
                return;
            }

            var publicBase = configuration.GetSection(LearningHubOptions.Section).Get<LearningHubOptions>()?.PublicBaseUri;
            if (publicBase is not null)
            {
                options.AllowedHosts = [publicBase.IdnHost, "localhost"];
            }
        });
        return services;
    }
}
