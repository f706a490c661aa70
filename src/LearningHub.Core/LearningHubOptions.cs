using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LearningHub.Core;

/// <summary>The <c>LearningHub</c> configuration section.</summary>
public sealed class LearningHubOptions
{
    public const string Section = "LearningHub";

    /// <summary>Folder for the SQLite database, mail pickup and uploads. Relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public bool SeedDemoUsers { get; set; }

    public string DemoPassword { get; set; } = "Learning-Hub-Demo-1";

    /// <summary>Attempts per minute per client address on sign-in, registration and password reset.</summary>
    public int AccountRequestsPerMinute { get; set; } = 10;

    /// <summary>
    /// The site's public address (e.g. <c>https://learninghub.example.org</c>) for links in mail, calendar
    /// files and certificates, and the host name the site answers to (host filtering). Required outside
    /// Development: a link built from the request would carry whatever <c>Host</c> header a stranger sent.
    /// In Development, unset, links use the address of the request that sent them, or
    /// <c>http://localhost:5080</c> for mail a background job sends.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// How long a signed-out copy of a public page (board home, module catalogue, a module's pages) may be served
    /// from memory (<see cref="Pages.PublicPageCache"/>). A change saved on this node shows at once; this is how
    /// late another node of a several-node deployment may show it.
    /// </summary>
    public TimeSpan PublicPageCacheTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The message start-up fails with when <see cref="PublicBaseUrl"/> is missing or not an address.</summary>
    public const string PublicBaseUrlRequired =
        $"{Section}:{nameof(PublicBaseUrl)} must be set outside Development to the site's public address, like https://learning.example.org " +
        "(environment variable LearningHub__PublicBaseUrl): links in mail are made from it, never from the request's Host header.";

    /// <summary><see cref="PublicBaseUrl"/> as an address, or null when it is unset or not an absolute http(s) address.</summary>
    public Uri? PublicBaseUri =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : null;

    /// <summary>The data folder as an absolute path, created if missing; read before options are bound.</summary>
    public static string ResolveDataPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(configuration[$"{Section}:{nameof(DataPath)}"] ?? "App_Data", environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}
