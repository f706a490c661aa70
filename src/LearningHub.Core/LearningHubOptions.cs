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
    /// files and certificates. Unset, links use the address of the request that sent them, or
    /// <c>http://localhost:5080</c> for mail a background job sends.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The data folder as an absolute path, created if missing; read before options are bound.</summary>
    public static string ResolveDataPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(configuration[$"{Section}:{nameof(DataPath)}"] ?? "App_Data", environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}
