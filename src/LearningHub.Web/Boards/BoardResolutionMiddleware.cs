using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Diagnostics;

namespace LearningHub.Web.Boards;

/// <summary>
/// Finds the board named by the first path segment and makes it the request's board. An unknown board
/// answers 404. The identity providers' callback paths (<see cref="Accounts.IdentityProviderPaths"/>), which
/// the OpenID Connect handler answers without a page, get their board from the same segment. Error pages re-executed for a board's request (403, 404, 429) keep that board so they
/// wear its theme.
/// </summary>
public sealed class BoardResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, BoardDirectory directory, BoardContext boards)
    {
        // The OpenID Connect handlers' callbacks are no endpoint of the route table, but belong to their board too.
        var slug = context.GetRouteValue(BoardRouteConvention.RouteKey) as string
                   ?? Accounts.IdentityProviderPaths.Parse(context.Request.Path)?.Board;
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        if (slug is null && reExecuted is not null)
        {
            var original = reExecuted.OriginalPath.Trim('/');
            var firstSegment = original.Split('/', 2)[0];
            if (firstSegment.Length > 0 && await directory.FindAsync(firstSegment, context.RequestAborted) is { } errorBoard)
            {
                boards.Use(errorBoard);
            }
        }
        else if (slug is not null)
        {
            var board = await directory.FindAsync(slug, context.RequestAborted);
            if (board is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            boards.Use(board);
        }

        await next(context);
    }
}
