using LearningHub.Core.Data;
using LearningHub.Core.Navigation;
using LearningHub.Core.Recipes;
using LearningHub.Events.Data;
using LearningHub.Events.Recipes;
using LearningHub.Events.Services;
using LearningHub.Notifications.Calendar;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningHub.Events;

/// <summary>Learning events and roadshows: booking, waiting-list offers, manager approval, attendance and reach.</summary>
public static class EventsModule
{
    public static IServiceCollection AddEventsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EventsOptions>(configuration.GetSection(EventsOptions.Section));
        services.AddSingleton<IModelContributor, EventsModel>();
        services.AddScoped<Privacy.EventsRetention>();
        services.AddScoped<LearningHub.Core.Privacy.IRetentionSource>(sp => sp.GetRequiredService<Privacy.EventsRetention>());
        services.AddScoped<LearningHub.Core.Privacy.IRetentionAccountUse>(sp => sp.GetRequiredService<Privacy.EventsRetention>());
        services.AddSingleton<LearningHub.Core.Security.IPermissionProvider, EventsPermissions>();
        services.AddSingleton<INavigationProvider, EventsNavigation>();
        services.AddSingleton<EventTokens>();
        services.AddSingleton<EventsMetrics>();
        services.AddScoped<EventLock>();
        services.AddSingleton<BookingQueue>();
        services.AddScoped<BookingMail>();
        services.AddScoped<BookingService>();
        services.AddScoped<BookingChanges>();
        services.AddScoped<MyBookings>();
        services.AddScoped<EventAdmin>();
        services.AddScoped<RegisterClosing>();
        services.AddScoped<LearningHub.Forms.Services.IFormContextOwner, EventFormContextOwner>();
        services.AddScoped<AttendanceCredits>();
        services.AddScoped<LearningHub.Core.Learning.IRecommendationAnswers, EventRecommendationAnswers>();
        services.AddScoped<LearningHub.Core.Learning.IFeaturedLearning, EventFeaturedLearning>();
        services.AddScoped<EventQueries>();
        services.AddScoped<EventListExtras>();
        services.AddScoped<Practitioners>();
        services.AddScoped<ReachReport>();
        services.AddScoped<LearningHub.Core.Privacy.IPersonalDataSource, Privacy.EventsPersonalData>();
        services.AddScoped<ICalendarFeedSource, EventsCalendarFeedSource>();
        services.AddScoped<LearningHub.Media.Services.IMediaUsageSource, EventMediaUsage>();
        services.AddScoped<LearningHub.Media.Services.IMediaUsageSource, RoadshowMediaUsage>();
        foreach (var template in EventMailTemplates.All)
        {
            services.AddSingleton(template);
        }

        services.AddSingleton<WaitlistProcessor>();
        services.AddHostedService<WaitlistJob>();
        services.AddHostedService<BookingWarmUp>();
        services.AddRecipeStep<EventsStep>();

        // The signed-out events list, the busiest page when a popular session opens, is served from
        // memory for as long as its places-left may lag anyway (the read model's cache time).
        // A change of places moves the board's list on at once (EventListCache), so the lag is only for new events.
        services.AddSingleton<EventListCache>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<EventsOptions>>((cache, events) =>
            EventListCache.AddPolicy(cache, events.Value.PublicListCacheTime));
        return services;
    }

    /// <summary>Pages are routed by the host's board convention; nothing else to map yet.</summary>
    public static IEndpointRouteBuilder MapEventsModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
