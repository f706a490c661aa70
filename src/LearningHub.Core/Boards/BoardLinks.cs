using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LearningHub.Core.Boards;

/// <summary>
/// The one place a link to a board page is made outside a page: in mail, calendar files, QR codes and
/// return addresses handed between modules. Paths come from the route table (the page's name, as
/// <c>asp-page</c> uses), so a page's address is written once, in its <c>@page</c> line; the board is the
/// one the work is for. Absolute links use <see cref="LearningHubOptions.PublicBaseUrl"/>; only in
/// Development, when it is unset, the request's own scheme and host (mail sent by a background job has no
/// request). Outside Development the options refuse to load without it (<see cref="CoreServices"/>), so
/// no link made there ever carries a request's Host header.
/// </summary>
public sealed class BoardLinks(LinkGenerator links, BoardContext boards, IHttpContextAccessor http, IOptions<LearningHubOptions> options)
{
    /// <summary>The site's address without a trailing slash, e.g. <c>https://learninghub.example.org</c>.</summary>
    public string BaseUrl
    {
        get
        {
            if (options.Value.PublicBaseUrl is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }

            return http.HttpContext?.Request is { } request
                ? $"{request.Scheme}://{request.Host}{request.PathBase}"
                : "http://localhost:5080";
        }
    }

    /// <summary>The path of a page of the current board, e.g. <c>Path("/Events/Booking", new { reference })</c>.</summary>
    public string Path(string page, object? values = null, string? handler = null)
    {
        var routeValues = new RouteValueDictionary(values) { ["board"] = boards.Required.Slug };
        return links.GetPathByPage(page, handler, routeValues)
               ?? throw new InvalidOperationException($"No page '{page}' takes the values {string.Join(", ", routeValues.Keys)}.");
    }

    /// <summary>
    /// A page's path within the current board (<c>/events/manage/…/cover</c>), for a module that names a
    /// page of its own to another module, which shows it with <see cref="UnderBoard"/>.
    /// </summary>
    public string PathInBoard(string page, object? values = null, string? handler = null) =>
        Path(page, values, handler)[(boards.Required.Slug.Length + 1)..];

    /// <summary>A path within the current board (from <see cref="PathInBoard"/>) as the site path a link needs.</summary>
    public string UnderBoard(string pathInBoard) => $"/{boards.Required.Slug}/{pathInBoard.TrimStart('/')}";

    /// <summary>The absolute address of a page of the current board, for mail and calendar files.</summary>
    public string Url(string page, object? values = null, string? handler = null) => BaseUrl + Path(page, values, handler);
}
