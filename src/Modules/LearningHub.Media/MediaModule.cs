using System.Text.RegularExpressions;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Hosting;
using LearningHub.Core.Navigation;
using LearningHub.Core.Recipes;
using LearningHub.Core.Security;
using LearningHub.Media.Data;
using LearningHub.Media.Recipes;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LearningHub.Media;

/// <summary>Images for every module: safe uploads, renditions made once with libvips, the library pages and the image tag helper.</summary>
public static partial class MediaModule
{
    public static IServiceCollection AddMediaModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.AllowUploadsOf<MediaOptions>(options => options.MaxUploadBytes);
        services.AllowUploadsOf<MediaOptions>(options => options.MaxResourceBytes);
        services.AddSingleton<IModelContributor, MediaModel>();
        services.AddSingleton<IPermissionProvider, MediaPermissions>();
        services.AddSingleton<INavigationProvider, MediaNavigation>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaFileStore>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<ResourceLibrary>();
        services.AddHostedService<MediaStartupReport>();
        services.AddHealthChecks().AddCheck<MediaHealthCheck>("images");
        services.AddRecipeStep<MediaStep>();
        services.AddRecipeStep<ResourcesStep>();
        return services;
    }

    /// <summary>
    /// Renditions: <c>/{board}/media/{hash}-{width}.{webp|jpg}</c>, public (images appear on public pages),
    /// cached for a year as immutable (the address changes when the picture does), with an ETag. Only
    /// configured widths exist, so any other address is a 404 and nothing is ever resized on request.
    /// </summary>
    public static IEndpointRouteBuilder MapMediaModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MediaUrls.RenditionRoute, (string file, BoardContext boards, MediaFileStore store, IOptions<MediaOptions> options, HttpContext context) =>
        {
            var match = RenditionName().Match(file);
            if (boards.Current is not { } board || !match.Success
                || !int.TryParse(match.Groups["width"].Value, out var width) || !options.Value.SortedWidths.Contains(width))
            {
                return Results.NotFound();
            }

            var hash = match.Groups["hash"].Value;
            var extension = match.Groups["ext"].Value;
            var path = store.RenditionPath(board.Slug, hash, width, extension);
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(path, extension == "webp" ? "image/webp" : "image/jpeg",
                entityTag: new EntityTagHeaderValue($"\"{hash[..32]}-{width}-{extension}\""));
        });
        return endpoints;
    }

    [GeneratedRegex("^(?<hash>[0-9a-f]{64})-(?<width>[0-9]{1,4})\\.(?<ext>webp|jpg)$", RegexOptions.CultureInvariant)]
    private static partial Regex RenditionName();
}
