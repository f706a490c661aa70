using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Core.Privacy;

public static class RetentionServices
{
    /// <summary>The retention job, its applier and the accounts source; modules add their own sources.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddScoped<IRetentionSource, RetentionAccounts>();
        services.AddScoped<RetentionApplier>();
        services.AddSingleton<RetentionScheduler>();
        services.AddSingleton<RetentionMetrics>();
        services.AddSingleton<Telemetry.IGaugeSource, RetentionGauges>();
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}
