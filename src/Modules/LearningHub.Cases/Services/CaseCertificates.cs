using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using LearningHub.Cases.Domain;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Time;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace LearningHub.Cases.Services;

/// <summary>What a certificate shows.</summary>
/// <param name="MinutesSpent">Time on the module's pages, counted from page to page (<see cref="CaseProgress.SecondsSpent"/>).</param>
/// <param name="EstimatedMinutes">The completed version's own estimate of the time it needs; null if that version is gone.</param>
public sealed record CertificateView(
    string Code, string HolderName, string ModuleTitle, int VersionNumber, DateTime CompletedUtc, int MinutesSpent,
    string BoardName, string VerifyUrl, string? CompletedBy = null, int? EstimatedMinutes = null)
{
    public string CompletedOn => LondonTime.ToLondon(CompletedUtc).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public string TimeSpent => Duration(MinutesSpent);

    /// <summary>
    /// The certificate's details in order, named for what they are, for the page and the PDF alike: the time is
    /// the time on the module's pages, beside the module's estimate, so a reader can tell one from the other.
    /// </summary>
    public IReadOnlyList<(string Term, string Value)> Details =>
    [
        ("Version", VersionNumber.ToString(CultureInfo.InvariantCulture)),
        ("Completed on", CompletedOn),
        ("Time on the module's pages", TimeSpent),
        .. EstimatedMinutes is { } estimate ? [("Module's estimated time", $"About {Duration(estimate)}")] : Array.Empty<(string, string)>(),
        .. CompletedBy is { } how ? [("Completed by", how)] : Array.Empty<(string, string)>(),
    ];

    private static string Duration(int minutes) => minutes switch
    {
        < 60 => minutes == 1 ? "1 minute" : $"{minutes} minutes",
        _ => $"{minutes / 60} hour{(minutes / 60 == 1 ? "" : "s")} {minutes % 60} minutes",
    };

    /// <summary>The verification address as a QR code: an SVG made here from our own URL, shown as an image (so it cannot run script).</summary>
    public string QrCodeDataUri
    {
        get
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(VerifyUrl, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(data).GetGraphic(4);
            return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        }
    }
}

/// <summary>Certificates: the holder's own, and the public check of a code (name, module and date only).</summary>
public sealed class CaseCertificates(LearningHubDbContext db, BoardContext boards, BoardLinks links)
{
    public async Task<CertificateView?> ForHolderAsync(string code, string userId, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Set<CaseCertificate>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.Code == code && c.UserId == userId, cancellationToken);
        if (certificate is null)
        {
            return null;
        }

        var estimate = await db.Set<CaseProgress>().Where(p => p.Id == certificate.ProgressId)
            .Select(p => (int?)p.Version.EstimatedMinutes).SingleOrDefaultAsync(cancellationToken);
        return View(certificate, estimate);
    }

    /// <summary>For the public verify page: the certificate of that code on this board, or null.</summary>
    public Task<CaseCertificate?> VerifyAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalised = code.Trim().ToUpperInvariant();
        return db.Set<CaseCertificate>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == normalised, cancellationToken);
    }

    private CertificateView View(CaseCertificate c, int? estimatedMinutes) =>
        new(c.Code, c.HolderName, c.ModuleTitle, c.VersionNumber, c.CompletedUtc, c.MinutesSpent, boards.Required.Name,
            links.Url("/Verify/Index", new { code = c.Code }), c.CompletedBy, estimatedMinutes);

    /// <summary>
    /// The certificate as one self-contained HTML document for printing to PDF: the same markup and
    /// stylesheet as the certificate page (<c>cases.css</c>), every value HTML-encoded.
    /// </summary>
    public static string Document(CertificateView view, string stylesheet)
    {
        var e = HtmlEncoder.Default;
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>Certificate {e.Encode(view.Code)}: {e.Encode(view.HolderName)}, {e.Encode(view.ModuleTitle)}</title><style>{stylesheet}</style></head>
            <body class="lh-certificate-document">
            <article class="lh-certificate">
              <p class="lh-certificate__board">{e.Encode(view.BoardName)}</p>
              <h1 class="lh-certificate__title">Certificate of completion</h1>
              <p class="lh-certificate__lead">This certifies that</p>
              <p class="lh-certificate__name">{e.Encode(view.HolderName)}</p>
              <p class="lh-certificate__lead">completed the case learning module</p>
              <p class="lh-certificate__module">{e.Encode(view.ModuleTitle)}</p>
              <dl class="lh-certificate__details">
                {string.Concat(view.Details.Select(d => $"<div><dt>{e.Encode(d.Term)}</dt><dd>{e.Encode(d.Value)}</dd></div>"))}
                <div><dt>Verification code</dt><dd class="lh-certificate__code">{e.Encode(view.Code)}</dd></div>
              </dl>
              <div class="lh-certificate__verify">
                <img src="{view.QrCodeDataUri}" alt="QR code for the verification page" width="120" height="120">
                <p>Check this certificate at {e.Encode(view.VerifyUrl)}</p>
              </div>
            </article>
            </body>
            </html>
            """;
    }
}
