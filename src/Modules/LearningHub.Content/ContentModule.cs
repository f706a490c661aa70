using LearningHub.Content.Data;
using LearningHub.Content.Recipes;
using LearningHub.Content.Services;
using LearningHub.Core.Data;
using LearningHub.Core.Navigation;
using LearningHub.Core.Recipes;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Content;

/// <summary>A board's own site: its pages and their place in the menu, the home page's blocks, and news.</summary>
public static class ContentModule
{
    public static IServiceCollection AddContentModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, ContentModel>();
        services.AddSingleton<IPermissionProvider, ContentPermissions>();
        services.AddSingleton<INavigationProvider, ContentNavigation>();
        services.AddScoped<IBoardNavigationSource, PagesInMenu>();
        services.AddScoped<SiteContent>();
        services.AddScoped<BoardPages>();
        services.AddScoped<HomePageContent>();
        services.AddScoped<BoardNews>();
        services.AddScoped<LearningHub.Media.Services.IMediaUsageSource, ContentMediaUsage>();
        services.AddRecipeStep<ContentStep>();
        return services;
    }

    /// <summary>Every Content page is a Razor Page routed under <c>/{board}/</c> by the host; no other endpoints.</summary>
    public static IEndpointRouteBuilder MapContentModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
