using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LearningHub.Cases.Services;

/// <summary>
/// Sends a Razor page as a PDF of itself. The page model carries <c>[ServiceFilter(typeof(PdfOfPage))]</c>; its
/// PDF handler asks for a PDF (<see cref="Request"/>) and returns the page as usual. This filter then renders the
/// page (layout, stylesheets and all) into a buffer instead of the response, has <see cref="PagePdf"/> print it,
/// and sends the PDF. The PDF is the page, not a second copy of its markup to keep in step. If Chromium cannot
/// print, it redirects to the page with <c>pdfFailed=true</c>, where the page offers printing instead.
/// </summary>
public sealed class PdfOfPage(PagePdf pdf) : IAsyncResultFilter
{
    private static readonly object Key = new();

    public static void Request(HttpContext context, string fileName, PaperLayout layout) => context.Items[Key] = new Requested(fileName, layout);

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is not PageResult || context.HttpContext.Items[Key] is not Requested requested)
        {
            await next();
            return;
        }

        var response = context.HttpContext.Response;
        var body = response.Body;
        string html;
        await using (var buffer = new MemoryStream())
        {
            response.Body = buffer;
            try
            {
                await next();
            }
            finally
            {
                response.Body = body;
            }

            html = Encoding.UTF8.GetString(buffer.ToArray());
        }

        var bytes = await pdf.RenderAsync(html, requested.Layout, context.HttpContext.RequestAborted);
        if (bytes is null)
        {
            var request = context.HttpContext.Request;
            response.StatusCode = StatusCodes.Status302Found;
            response.ContentType = null;
            // Back to the page as it was asked for (a report's period, say), without the PDF handler.
            var query = QueryHelpers.ParseQuery(request.QueryString.Value)
                .Where(p => p.Key is not ("handler" or "pdfFailed"))
                .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
                .Append(KeyValuePair.Create("pdfFailed", (string?)"true"));
            response.Headers.Location = QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
            return;
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(requested.FileName);
        response.ContentType = "application/pdf";
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "private, no-store";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
    }

    private sealed record Requested(string FileName, PaperLayout Layout);
}
