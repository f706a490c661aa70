using System.Globalization;
using LearningHub.Cases.Services;
using LearningHub.Core.Pages;
using LearningHub.Core.Time;
using LearningHub.Core.Validation;
using LearningHub.Impact.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningHub.Impact.Pages.Impact;

/// <summary>
/// What the board's pack (<c>/impact</c>) and an agency lead's page (<c>/impact/agency</c>) share: the period picker
/// (GOV.UK date inputs, the current reporting year by default), the report, a CSV per table and the PDF (the page
/// itself printed by Chromium, <see cref="PdfOfPage"/>).
/// </summary>
[ServiceFilter(typeof(PdfOfPage))]
public abstract class ReportPageModel(SharedReports shared, IOptions<ImpactOptions> options, TimeProvider clock) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    /// <summary>Null when the reader may see no figures (an agency lead without an agency on their account).</summary>
    public AnnualReportView? Report { get; private set; }

    /// <summary>When the figures were computed: they are shared for <see cref="ImpactOptions.ReportCacheTime"/>, so the page says so.</summary>
    public DateTimeOffset ComputedAt { get; private set; }

    /// <summary>The period used (the default when the boxes were blank or wrong), for the download links.</summary>
    public ReportPeriod Period { get; private set; } = null!;

    public IDictionary<string, string> PeriodRoute => new Dictionary<string, string>
    {
        ["From.Day"] = Period.From.Day.ToString(CultureInfo.InvariantCulture),
        ["From.Month"] = Period.From.Month.ToString(CultureInfo.InvariantCulture),
        ["From.Year"] = Period.From.Year.ToString(CultureInfo.InvariantCulture),
        ["To.Day"] = Period.To.Day.ToString(CultureInfo.InvariantCulture),
        ["To.Month"] = Period.To.Month.ToString(CultureInfo.InvariantCulture),
        ["To.Year"] = Period.To.Year.ToString(CultureInfo.InvariantCulture),
    };

    public bool PdfAvailable => HttpContext.RequestServices.GetRequiredService<PagePdf>().IsAvailable;

    /// <summary>Shown after a PDF could not be printed.</summary>
    [BindProperty(SupportsGet = true, Name = "pdfFailed")]
    public bool PdfFailed { get; set; }

    /// <summary>Whose figures: null for the whole board; an agency's id for its lead. Returns false when there is nothing the reader may see.</summary>
    protected abstract Task<(bool Allowed, Guid? AgencyId)> AgencyAsync();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string table)
    {
        if (!await LoadAsync() || Report?.Table(table) is not { } found)
        {
            return NotFound();
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await found.WriteCsvAsync(text);
        Response.Headers.CacheControl = "private, no-store";
        return CsvDownload.Of(text.ToString(), $"{Board.ShortName}-{found.Id}-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        // The PDF is this page printed by Chromium (PdfOfPage), so the pack and its PDF cannot differ.
        PdfOfPage.Request(HttpContext, $"{Board.ShortName}-annual-report-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.pdf", PaperLayout.Portrait);
        return Page();
    }

    /// <summary>Reads the period (adding errors for what is wrong) and builds the report; false when the reader may see no figures.</summary>
    private async Task<bool> LoadAsync()
    {
        ModelState.Clear();
        var today = DateOnly.FromDateTime(LondonTime.ToLondon(clock.GetUtcNow().UtcDateTime));
        var year = ReportPeriod.ReportingYearOf(today);
        var from = From.Read(ModelState, nameof(From), "the start of the period", required: false) ?? year.From;
        var to = To.Read(ModelState, nameof(To), "the end of the period", required: false) ?? year.To;
        if (ModelState.IsValid && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end of the period must be the same as or after the start");
        }

        if (!ModelState.IsValid)
        {
            // The boxes keep what was typed; the figures are of the reporting year until the period is put right.
            (from, to) = (year.From, year.To);
        }
        else
        {
            From = DateInput.Of(from);
            To = DateInput.Of(to);
        }

        Period = new ReportPeriod(from, to);
        var (allowed, agencyId) = await AgencyAsync();
        if (!allowed)
        {
            return false;
        }

        // Shared by everyone asking for this board's period in the same scope (page, CSVs and PDF alike). The agency is
        // in the key: an agency lead's figures are of their agency only and must never be served to another scope.
        var period = Period;
        var computed = await shared.GetAsync(Board, "impact-annual-report", (period.From, period.To, agencyId), options.Value.ReportCacheTime,
            (services, _, ct) => services.GetRequiredService<AnnualReport>().ForAsync(period, agencyId, ct), HttpContext.RequestAborted);
        (Report, ComputedAt) = (computed.Figures, computed.ComputedAt);
        return true;
    }
}
