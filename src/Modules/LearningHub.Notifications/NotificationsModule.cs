using LearningHub.Core.Data;
using LearningHub.Core.Navigation;
using LearningHub.Core.Recipes;
using LearningHub.Notifications.Data;
using LearningHub.Notifications.Recipes;
using LearningHub.Notifications.Services;
using LearningHub.Notifications.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningHub.Notifications;

/// <summary>Mail for every module: a durable outbox, SMTP and pickup-folder transports, templates and calendar invites.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationsOptions>(configuration.GetSection(NotificationsOptions.Section));
        // A wrong certificate path fails the start with a clear message, not every send later.
        services.AddSingleton<IValidateOptions<NotificationsOptions>, NotificationsOptionsValidation>();
        services.AddOptions<NotificationsOptions>().ValidateOnStart();
        services.AddSingleton<IModelContributor, NotificationsModel>();
        services.AddScoped<LearningHub.Core.Privacy.IRetentionSource, Privacy.NotificationsRetention>();
        services.AddSingleton<LearningHub.Core.Security.IPermissionProvider, NotificationsPermissions>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MailTransports>();
        services.AddHttpClient(Smtp.OAuthTokens.HttpClientName);
        services.AddSingleton<Smtp.OAuthTokens>();
        services.AddSingleton<MailMetrics>();
        services.AddSingleton<LearningHub.Core.Telemetry.IGaugeSource, OutboxGauges>();
        services.AddSingleton<OutboxProcessor>();
        services.AddScoped<MailQueue>();
        services.AddScoped<TemplatedMail>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<MailSettingsEditor>();
        services.AddScoped<MailTemplateEditor>();
        services.AddScoped<LearningHub.Core.Privacy.IPersonalDataSource, Privacy.NotificationsPersonalData>();
        services.AddSingleton<MailTemplateRenderer>();
        services.AddSingleton<MailTemplateCatalog>();
        foreach (var definition in DefaultMailTemplates.All)
        {
            // Other modules add their templates the same way: services.AddSingleton(definition).
            services.AddSingleton(definition);
        }

        services.AddHostedService<OutboxDispatcher>();
        services.AddRecipeStep<MailStep>();
        services.AddSingleton<INavigationProvider, NotificationsNavigation>();
        return services;
    }

    /// <summary>The name of the calendar feed's endpoint, for links to it.</summary>
    public const string CalendarFeedEndpoint = "CalendarFeed";

    /// <summary>The private calendar feed: <c>/{board}/calendar/{secret}.ics</c>, no sign-in (the secret is the key).</summary>
    public static IEndpointRouteBuilder MapNotificationsModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/{board}/calendar/{token}.ics", async (string token, CalendarFeeds feeds, HttpContext context) =>
        {
            var feed = await feeds.FeedAsync(token, context.RequestAborted);
            if (feed is null)
            {
                return Results.NotFound();
            }

            // Personal data: not for shared caches.
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(feed, "text/calendar; charset=utf-8");
        }).WithName(CalendarFeedEndpoint);
        return endpoints;
    }
}
