using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LearningHub.E2E.Infrastructure;

/// <summary>
/// A real OpenID provider for the sign-in tests: <c>tests/oidc-provider/server.js</c>, the certified npm package
/// oidc-provider installed from its lock file by <c>scripts/install-test-deps.sh</c>, started with <c>node</c> on a
/// free port of 127.0.0.1 and stopped when disposed. Its clients, people and passwords are in server.js.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string NorfolkClientId = "learninghub-norfolk";
    public const string NorfolkClientSecret = "norfolk-test-client-secret";
    public const string EssexClientId = "learninghub-essex";
    public const string EssexClientSecret = "essex-test-client-secret";

    /// <summary>The domain of the test people's work addresses.</summary>
    public const string WorkDomain = "nhs.test";

    private Process? _process;

    /// <param name="sites">The LearningHub addresses whose callbacks the provider's clients accept.</param>
    public OidcTestProvider(params string[] sites)
    {
        Sites = sites;
        Port = FreePort();
    }

    public IReadOnlyList<string> Sites { get; }

    public int Port { get; }

    public string Issuer => $"http://127.0.0.1:{Port}";

    /// <summary>A test person's password (server.js: 'password-' and the subject).</summary>
    public static string PasswordOf(string email) => "password-" + email[..email.IndexOfAny(['.', '@'])];

    public async Task StartAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "oidc-provider");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed in {folder}: run scripts/install-test-deps.sh (npm ci there).");
        }

        _process = Process.Start(new ProcessStartInfo("node", "server.js")
        {
            WorkingDirectory = folder,
            Environment = { ["PORT"] = Port.ToString(), ["SITES"] = string.Join(',', Sites) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start node");
        // Read so a full pipe never blocks the provider.
        _process.BeginOutputReadLine();
        var errors = new System.Text.StringBuilder();
        _process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                return true;
            }

            try
            {
                return (await http.GetAsync($"{Issuer}/.well-known/openid-configuration")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), () => $"The test identity provider did not answer at {Issuer}");
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The test identity provider stopped: {errors}");
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LearningHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LearningHub.sln not found above the test binaries.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}
