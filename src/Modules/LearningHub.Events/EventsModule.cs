using LearningHub.Core.Data;
using LearningHub.Core.Recipes;
using LearningHub.Events.Data;
using LearningHub.Events.Recipes;
using LearningHub.Events.Services;
using LearningHub.Notifications.Calendar;
using LearningHub.Theme.Base.Navigation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Events;

/// <summary>Learning events and roadshows: booking, waiting-list offers, manager approval, attendance and reach.</summary>
public static class EventsModule
{
    public static IServiceCollection AddEventsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EventsOptions>(configuration.GetSection(EventsOptions.Section));
        services.AddHttpContextAccessor();
        services.AddSingleton<IModelContributor, EventsModel>();
        services.AddSingleton<LearningHub.Core.Security.IPermissionProvider, EventsPermissions>();
        services.AddSingleton<INavigationProvider, EventsNavigation>();
        services.AddSingleton<EventTokens>();
        services.AddScoped<EventLinks>();
        services.AddScoped<EventLock>();
        services.AddScoped<BookingMail>();
        services.AddScoped<BookingService>();
        services.AddScoped<EventAdmin>();
        services.AddScoped<RegisterClosing>();
        services.AddScoped<AttendanceCredits>();
        services.AddScoped<EventQueries>();
        services.AddScoped<Practitioners>();
        services.AddScoped<ReachReport>();
        services.AddScoped<ICalendarFeedSource, EventsCalendarFeedSource>();
        foreach (var template in EventMailTemplates.All)
        {
            services.AddSingleton(template);
        }

        services.AddSingleton<WaitlistProcessor>();
        services.AddHostedService<WaitlistJob>();
        services.AddRecipeStep<EventsStep>();
        return services;
    }

    /// <summary>Pages are routed by the host's board convention; nothing else to map yet.</summary>
    public static IEndpointRouteBuilder MapEventsModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
