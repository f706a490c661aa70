using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Cases.Pages.Verify;

/// <summary>Anyone may check a certificate code; only the name, the module and the date are shown.</summary>
public sealed class IndexModel(CaseCertificates certificates) : CasesPageModel
{
    public CaseCertificate? Certificate { get; private set; }

    public string Code { get; private set; } = "";

    public string CompletedOn => Certificate is null ? "" :
        LondonTime.ToLondon(Certificate.CompletedUtc)
            .ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Code = code.Length > 30 ? code[..30] : code;
        Certificate = await certificates.VerifyAsync(Code, cancellationToken);
        // Personal data: no shared caches; and not for search engines.
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        if (Certificate is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
