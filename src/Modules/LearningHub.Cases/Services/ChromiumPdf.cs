using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace LearningHub.Cases.Services;

/// <summary>
/// Prints a self-contained HTML document to PDF with headless Chromium through Playwright: certificates (landscape)
/// and the board's annual-report pack (portrait, Impact). One browser process serves every request (started on first
/// use, restarted if it dies); each PDF gets its own short-lived page. If Chromium cannot be started the result is
/// null and the page offers printing instead.
/// </summary>
public sealed class ChromiumPdf(IOptions<CasesOptions> options, ILogger<ChromiumPdf> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public bool IsAvailable => File.Exists(options.Value.ChromiumPath);

    public async Task<byte[]?> RenderAsync(string html, bool landscape = true, CancellationToken cancellationToken = default)
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
                await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
                return await page.PdfAsync(new() { Format = "A4", Landscape = landscape, PrintBackground = true, PreferCSSPageSize = true });
            }
            finally
            {
                await page.CloseAsync();
            }
        }
        catch (PlaywrightException exception)
        {
            logger.LogError(exception, "Chromium could not print a document to PDF");
            return null;
        }
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
                logger.LogWarning("No Chromium at {Path}: certificates and reports cannot be downloaded as PDF", options.Value.ChromiumPath);
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
