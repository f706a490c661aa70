using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace LearningHub.Cases.Services;

/// <summary>How a page is laid out on paper.</summary>
public enum PaperLayout
{
    Portrait,
    Landscape,
}

/// <summary>
/// Prints an HTML page to PDF with headless Chromium through Playwright: certificates and facilitator views.
/// One browser process serves every request (started on first use, restarted if it dies); each PDF gets its own
/// short-lived page with JavaScript off. The page is served to Chromium from a made-up origin: its own HTML, and
/// the stylesheets, fonts and images it links to read from the application's web root, so a page rendered by
/// the site prints as the browser would print it; any other request is refused, so printing never reaches the
/// network. If Chromium cannot be started the result is null and the page offers printing instead.
/// </summary>
public sealed partial class PagePdf(IOptions<CasesOptions> options, IWebHostEnvironment environment, ILogger<PagePdf> logger) : IAsyncDisposable
{
    private const string Origin = "https://learninghub.pdf";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public bool IsAvailable => File.Exists(options.Value.ChromiumPath);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(.+)\.[a-z0-9]{10}(\.[a-z0-9]+)$")]
    private static partial System.Text.RegularExpressions.Regex Fingerprint();

    public async Task<byte[]?> RenderAsync(string html, PaperLayout layout, CancellationToken cancellationToken = default)
    {
        var browser = await BrowserAsync(cancellationToken);
        if (browser is null)
        {
            return null;
        }

        try
        {
            var page = await browser.NewPageAsync(new() { JavaScriptEnabled = false });
            try
            {
                await page.RouteAsync("**/*", route => ServeAsync(route, html));
                await page.GotoAsync(Origin + "/", new() { WaitUntil = WaitUntilState.Load });
                return await page.PdfAsync(new()
                {
                    Format = "A4",
                    Landscape = layout == PaperLayout.Landscape,
                    PrintBackground = true,
                    PreferCSSPageSize = true,
                    // Tagged: the page's headings, lists and tables become the PDF's structure, so a screen reader
                    // can move through it as through the page (WCAG 1.3.1); Outline: headings become bookmarks.
                    Tagged = true,
                    Outline = true,
                });
            }
            finally
            {
                await page.CloseAsync();
            }
        }
        catch (PlaywrightException exception)
        {
            logger.LogError(exception, "Chromium could not print a page to PDF");
            return null;
        }
    }

    private async Task ServeAsync(IRoute route, string html)
    {
        var url = new Uri(route.Request.Url);
        if (!url.GetLeftPart(UriPartial.Authority).Equals(Origin, StringComparison.OrdinalIgnoreCase))
        {
            await route.AbortAsync();
            return;
        }

        if (url.AbsolutePath == "/")
        {
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            return;
        }

        // Web root paths only; the provider refuses anything outside it. The layout links static assets by their
        // fingerprinted names ("/_content/LearningHub.Cases/cases.5mgahhpqe5.css"), which the static assets
        // endpoints map to the file without the fingerprint.
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists && Fingerprint().Match(path) is { Success: true } fingerprinted)
        {
            file = environment.WebRootFileProvider.GetFileInfo(fingerprinted.Groups[1].Value + fingerprinted.Groups[2].Value);
        }

        if (!file.Exists || file.IsDirectory)
        {
            await route.FulfillAsync(new() { Status = 404 });
            return;
        }

        await using var stream = file.CreateReadStream();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        await route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream",
            BodyBytes = bytes.ToArray(),
        });
    }

    private async Task<IBrowser?> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true })
        {
            return _browser;
        }

        await _launch.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (!IsAvailable)
            {
                logger.LogWarning("No Chromium at {Path}: pages cannot be downloaded as PDF", options.Value.ChromiumPath);
                return null;
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = options.Value.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
            });
            return _browser;
        }
        catch (PlaywrightException exception)
        {
            logger.LogError(exception, "Chromium at {Path} could not be started", options.Value.ChromiumPath);
            return null;
        }
        finally
        {
            _launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _launch.Dispose();
    }
}
