using LearningHub.Cases.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Cases.Pages.Certificates;

/// <summary>The holder's certificate: an accessible page that prints well, and the same as a PDF (headless Chromium).</summary>
[Authorize]
public sealed class ShowModel(CaseCertificates certificates, ChromiumPdf pdf, IWebHostEnvironment environment) : CasesPageModel
{
    public CertificateView Certificate { get; private set; } = null!;

    public bool JustCompleted { get; private set; }

    public bool PdfUnavailable { get; private set; }

    public bool PdfAvailable => pdf.IsAvailable;

    public async Task<IActionResult> OnGetAsync(string code, bool completed, bool pdfFailed, CancellationToken cancellationToken)
    {
        var certificate = await certificates.ForHolderAsync(code, UserId!, cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }

        Certificate = certificate;
        JustCompleted = completed;
        PdfUnavailable = pdfFailed || !pdf.IsAvailable;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string code, CancellationToken cancellationToken)
    {
        var certificate = await certificates.ForHolderAsync(code, UserId!, cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }

        var stylesheet = await ReadStylesheetAsync(cancellationToken);
        var bytes = await pdf.RenderAsync(CaseCertificates.Document(certificate, stylesheet), landscape: true, cancellationToken);
        if (bytes is null)
        {
            return RedirectToPage("/Certificates/Show", new { code = certificate.Code, pdfFailed = "true" });
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(bytes, "application/pdf", $"certificate-{certificate.Code}.pdf");
    }

    private async Task<string> ReadStylesheetAsync(CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("_content/LearningHub.Cases/cases.css");
        if (!file.Exists)
        {
            return "";
        }

        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
