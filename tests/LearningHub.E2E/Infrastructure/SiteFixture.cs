using System.Net;
using LearningHub.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LearningHub.E2E.Infrastructure;

/// <summary>
/// The real site, listening with Kestrel on a free TCP port on 127.0.0.1 over a fresh data folder
/// (SQLite database, data-protection keys, mail pickup), and one headless Debian Chromium driven by
/// Playwright. Shared by every test in <see cref="SiteCollection"/>; each test opens its own browser
/// context, so cookies never leak from one test to another and the order of tests does not matter.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string DemoPassword = "End-to-end-demo-password";

    /// <summary>How long the site gets to answer /health after it starts.</summary>
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private LearningHubSite? _site;
    private IPlaywright? _playwright;

    /// <summary>The data folder the site runs on; mail is written under <c>mail-pickup/{board}/</c> in it.</summary>
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "learninghub-e2e-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the site listens, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The running site's services, for tests that set up data through the app itself (a recipe, a service).</summary>
    public IServiceProvider Services => _site?.Services ?? throw new InvalidOperationException("The site has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        _site = new LearningHubSite(DataPath);
        _site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _site.StartServer();

        var addresses = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server did not report the addresses it listens on.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The server does not listen on 127.0.0.1: {string.Join(", ", addresses)}");
        BaseAddress = new Uri(address.TrimEnd('/'));

        await WaitUntilHealthyAsync();
        // /health answers while the database is still being prepared (pages wait for it); the tests also use it directly.
        await Services.GetRequiredService<SiteReadiness>().WaitAsync(CancellationToken.None).WaitAsync(StartDeadline);

        // The settings must have reached Program before it read them, or the site would be running on
        // (and the tests writing to) the developer's own App_Data.
        if (!File.Exists(Path.Combine(DataPath, "learninghub.db")))
        {
            throw new InvalidOperationException($"The site did not create its database in the test data folder {DataPath}.");
        }

        // Web-first assertions (Expect) retry until this; generous because CI runs every test project at once on 2 cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies) and a page in it, with <see cref="BaseAddress"/> as the base
    /// for relative URLs. Dispose the returned session at the end of the test.
    /// </summary>
    public async Task<BrowserSession> OpenSessionAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>A URL on the site: <c>Url("/norfolk")</c>.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite pool) only leaves a folder in /tmp; not worth failing the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        string last = "no answer yet";
        await Poll.UntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("/health");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
                return false;
            }
        }, StartDeadline, () => $"The site at {BaseAddress} did not answer /health with 200 in {StartDeadline.TotalSeconds} s (last: {last}).");
    }

    /// <summary>
    /// The web project's Program with test settings. Settings go in with <c>UseSetting</c>, which lands in
    /// the host configuration before <c>Program</c> reads it while building services.
    /// </summary>
    private sealed class LearningHubSite(string dataPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("LearningHub:DataPath", dataPath);
            // Demo accounts give the staff-page tests a coordinator and an administrator to sign in as.
            builder.UseSetting("LearningHub:SeedDemoUsers", "true");
            builder.UseSetting("LearningHub:DemoPassword", SiteFixture.DemoPassword);
            builder.UseSetting("LearningHub:AccountRequestsPerMinute", "1000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}

/// <summary>
/// One browser context and its page; closing it drops its cookies. It notes what the browser reports as
/// going wrong (console errors such as a Content-Security-Policy refusal, and uncaught script errors), so a
/// test can assert the pages ran cleanly.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_problems)
                {
                    _problems.Add($"console error on {page.Url}: {message.Text} (at {message.Location})");
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (_problems)
                {
                    _problems.Add($"{response.Status} for {response.Request.Method} {response.Url} (a {response.Request.ResourceType})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_problems)
            {
                _problems.Add($"script error on {page.Url}: {error}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Fails the test if the browser reported a console or script error, or got a 4xx/5xx answer, so far.</summary>
    public void AssertNoBrowserErrors()
    {
        lock (_problems)
        {
            Assert.True(_problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", _problems));
        }
    }

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "LearningHub site";
}
