using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Cases.Pages;

/// <summary>What every Cases page needs beyond the board and the signed-in person: them as an actor for the services.</summary>
public abstract class CasesPageModel : BoardPageModel
{
    protected Services.Actor Actor => new(UserId!, UserName, IsBoardAdmin);

    /// <summary>This site's address as the browser sees it, for links in mail and QR codes.</summary>
    protected string SiteUrl => $"{Request.Scheme}://{Request.Host}";

    /// <summary>
    /// The holder's certificate page. Certificate codes are upper case and the holder's page finds them as
    /// written, so the link keeps their case, which <c>Url.Page</c> (the site lower-cases its links) would not.
    /// </summary>
    public string CertificatePath(string code, string? handler = null, object? query = null) =>
        PathKeepingCase("/Certificates/Show", handler, new RouteValueDictionary(query) { ["code"] = code });

    /// <summary>The public check of a certificate code, the code as printed on the certificate.</summary>
    public string VerifyPath(string code) => PathKeepingCase("/Verify/Index", null, new RouteValueDictionary { ["code"] = code });

    private string PathKeepingCase(string page, string? handler, RouteValueDictionary values)
    {
        values["board"] = Board.Slug;
        return HttpContext.RequestServices.GetRequiredService<LinkGenerator>()
            .GetPathByPage(HttpContext, page, handler, values, options: new LinkOptions { LowercaseUrls = false })!;
    }
}
