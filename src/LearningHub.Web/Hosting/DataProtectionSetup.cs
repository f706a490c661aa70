using System.Security.Cryptography.X509Certificates;
using LearningHub.Core;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace LearningHub.Web.Hosting;

/// <summary>
/// Where the keys that protect sign-in cookies and tokens live. On PostgreSQL (or with
/// <c>DataProtection:Keys=Database</c>) they are rows of <c>DataProtectionKeys</c>, so every node of a
/// scale-out deployment reads the same key ring and a cookie issued by one node is accepted by all.
/// On SQLite (one node) they stay files in the data folder, which survive restarts with the volume.
/// With <c>DataProtection:CertificateFile</c> (a PFX, password in <c>DataProtection:CertificatePassword</c>)
/// each key is encrypted with that certificate before it is stored, wherever that is.
/// </summary>
public static class DataProtectionSetup
{
    public static IServiceCollection AddLearningHubDataProtection(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("LearningHub");
        if (KeysInDatabase(configuration, environment))
        {
            // ASP.NET Core's EF Core key store: a scope and a LearningHubDbContext per read or write.
            dataProtection.PersistKeysToDbContext<LearningHubDbContext>();
        }
        else
        {
            var dataPath = LearningHubOptions.ResolveDataPath(configuration, environment);
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys")));
        }

        if (configuration["DataProtection:CertificateFile"] is { Length: > 0 } certificateFile)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificateFile, configuration["DataProtection:CertificatePassword"]));
        }

        return services;
    }

    public static bool KeysInDatabase(IConfiguration configuration, IHostEnvironment environment)
    {
        var store = configuration["DataProtection:Keys"];
        if (!string.IsNullOrEmpty(store))
        {
            return store.ToLowerInvariant() switch
            {
                "database" => true,
                "files" => false,
                _ => throw new InvalidOperationException($"DataProtection:Keys '{store}' is not supported: use Database or Files."),
            };
        }

        return DatabaseSettings.From(configuration, environment).Provider == DatabaseProvider.Postgres;
    }
}
