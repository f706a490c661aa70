using System.Text.Json;
using System.Threading.RateLimiting;
using LearningHub.Core;
using LearningHub.Core.Navigation;
using LearningHub.Core.Pages;
using LearningHub.Core.Themes;
using LearningHub.Theme.Base;
using LearningHub.Theme.Essex;
using LearningHub.Theme.Norfolk;
using LearningHub.Web.Accounts;
using LearningHub.Web.Boards;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningHub.Web.Hosting;

/// <summary>What the host itself brings: the kernel, themes, accounts, pages, security and health.</summary>
public static class HostSetup
{
    /// <summary>Liveness; readiness is below it (<see cref="ReadinessPath"/>), so one prefix names both (the start-up gate lets them by).</summary>
    public const string LivenessPath = "/health";

    public const string ReadinessPath = LivenessPath + "/ready";

    public const string AccountRateLimit = "accounts";

    public static WebApplicationBuilder AddLearningHubHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // MapStaticAssets run from a build output (Development, the tests) patches assets it thinks were
        // edited since the build: it then sends a compressed asset as an uncompressed gzip stream under the
        // stored Content-Encoding (br), which no browser can decode, and it did so for every compressed
        // stylesheet. The build writes wwwroot (npm) before the manifest is made, so a rebuild is what
        // picks up an edit; without patching, a build serves what a publish serves.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        builder.AddLearningHubLogging();
        // Only when an exporter is configured (OTLP, or the Prometheus management port); otherwise nothing.
        builder.AddLearningHubTelemetry();
        services.AddLearningHubCore(builder.Configuration, builder.Environment);
        WarmingServer.Register(services);

        services.AddSingleton<IBoardTheme, BaseTheme>();
        services.AddSingleton<IBoardTheme, NorfolkTheme>();
        services.AddSingleton<IBoardTheme, EssexTheme>();
        services.AddScoped<BoardNavigation>();
        services.AddSingleton<INavigationProvider, HostNavigation>();

        services.AddLearningHubAccounts();
        services.AddLearningHubHostFiltering(builder.Configuration);

        services.AddLearningHubDataProtection(builder.Configuration, builder.Environment);

        services.AddRazorPages(options =>
        {
            options.Conventions.Add(new BoardRouteConvention());
            options.Conventions.ConfigureFilter(new NotFoundPageFilter());
            options.Conventions.ConfigureFilter(new UnhandledRequestPageFilter());
            options.Conventions.ConfigureFilter(new BoardReferencePageFilter());
            options.Conventions.ConfigureFilter(new ProfileCompletionPageFilter());
        }).AddRazorOptions(options => options.ViewLocationExpanders.Add(new ThemeViewLocationExpander()));
        services.Replace(ServiceDescriptor.Singleton<IUrlHelperFactory>(new BoardUrlHelperFactory(new UrlHelperFactory())));
        RememberedAntiforgeryTokens.Register(services);

        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccountRateLimit, context =>
            {
                // Only attempts (POSTs) count: reading the form is free.
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LearningHubOptions>>().Value.AccountRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        // /health (liveness) runs only the cheap checks; /health/ready also those tagged Readiness.Tag.
        services.AddHealthChecks()
            .AddCheck<StartupHealthCheck>("startup", tags: [Readiness.Tag])
            .AddCheck<DatabaseHealthCheck>("database", tags: [Readiness.Tag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Readiness.Tag])
            .AddCheck<MailTransportHealthCheck>("mail", tags: [Readiness.Tag]);

        // Modules opt pages in with [OutputCache(PolicyName = ...)]; the default policy never caches a
        // signed-in person's page or a response that sets a cookie.
        services.AddOutputCache();
        return builder;
    }

    public static WebApplication UseLearningHubHost(this WebApplication app)
    {
        // First, so everything the request logs (errors included) carries its board and request id.
        app.UseMiddleware<RequestLogScopeMiddleware>();
        // Next, so nothing is served (error pages included) until the database is ready; see StartupGateMiddleware.
        app.UseMiddleware<StartupGateMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/status/500");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseMiddleware<FormNulStrippingMiddleware>();
        app.UseMiddleware<MultipartFormMiddleware>();
        app.UseRouting();
        app.UseMiddleware<BoardResolutionMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapLearningHubPages(this WebApplication app)
    {
        // Every wwwroot file (themes, modules) from the build's manifest: fingerprinted addresses cached
        // for a year as immutable, Brotli/gzip made at build and publish and chosen by Accept-Encoding,
        // ETags. Short-circuited: a stylesheet needs no board, sign-in cookie or authorization.
        app.MapStaticAssets().ShortCircuit();
        // Liveness: is the process up? No database or network, so a slow database never gets a node restarted.
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(Readiness.Tag),
            ResponseWriter = WriteHealthAsync,
        });

        // Readiness: can this node serve? Database, migrations, mail, libvips. Degraded (e.g. no libvips)
        // is not ready either: a load balancer should send traffic to a node that has everything.
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            ResponseWriter = WriteHealthAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        // WithStaticAssets lets asp-append-version link to the fingerprinted address of each file.
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            // What each check says (e.g. "images": "Image uploads are refused: libvips ... is not installed").
            details = report.Entries.Where(e => e.Value.Description is not null).ToDictionary(e => e.Key, e => e.Value.Description),
        }));
    }
}
