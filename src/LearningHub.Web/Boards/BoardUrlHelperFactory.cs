using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Web.Boards;

/// <summary>
/// Keeps the request's board in every link a page makes with <c>asp-page</c>, <c>Url.Page</c> or
/// <c>RedirectToPage</c>. Endpoint routing drops ambient route values when the link goes to another
/// page (its required <c>page</c> value differs), so without this every link would have to repeat
/// <c>asp-route-board</c>. Where the route has no board (a status page such as 404, re-executed for a
/// board's request), the board the request resolved to is used, so the layout links back into it. A
/// link may still name a board, or pass <c>board = null</c> to leave the board.
/// </summary>
public sealed class BoardUrlHelperFactory(IUrlHelperFactory inner) : IUrlHelperFactory
{
    public IUrlHelper GetUrlHelper(ActionContext context) => new BoardUrlHelper(inner.GetUrlHelper(context));

    private sealed class BoardUrlHelper(IUrlHelper inner) : IUrlHelper
    {
        public ActionContext ActionContext => inner.ActionContext;

        public string? Action(UrlActionContext actionContext)
        {
            actionContext.Values = WithBoard(actionContext.Values);
            return inner.Action(actionContext);
        }

        public string? RouteUrl(UrlRouteContext routeContext)
        {
            routeContext.Values = WithBoard(routeContext.Values);
            return inner.RouteUrl(routeContext);
        }

        public string? Content(string? contentPath) => inner.Content(contentPath);

        public bool IsLocalUrl(string? url) => inner.IsLocalUrl(url);

        public string? Link(string? routeName, object? values) => inner.Link(routeName, WithBoard(values));

        private RouteValueDictionary WithBoard(object? values)
        {
            var all = new RouteValueDictionary(values);
            if (!all.ContainsKey(BoardRouteConvention.RouteKey)
                && (ActionContext.RouteData.Values.GetValueOrDefault(BoardRouteConvention.RouteKey)
                    ?? ActionContext.HttpContext.RequestServices.GetService<BoardContext>()?.Current?.Slug) is { } board)
            {
                all[BoardRouteConvention.RouteKey] = board;
            }

            return all;
        }
    }
}
