using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LearningHub.Core.Pages;

/// <summary>
/// A request no handler of the page answers ends with 405 (with an <c>Allow</c> header) or 404, instead of
/// Razor Pages' default of rendering the page without running any handler, which shows a page whose data
/// was never loaded (and throws on it). Rules, for every page:
/// <list type="bullet">
/// <item>a <c>handler</c> name (route or query, as Razor Pages reads it) that no handler of the page answers: 404;</item>
/// <item>a method no handler answers (by that name, or unnamed): 405, <c>Allow</c> listing the methods that are answered;</item>
/// <item>GET or HEAD of a page with no GET handler at all (a form whose only handler is a POST, a page with no
/// handlers): rendered as before, since nothing was meant to be loaded for it.</item>
/// </list>
/// </summary>
public sealed class UnhandledRequestPageFilter : IAsyncPageFilter
{
    private const string HandlerKey = "handler";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is not null)
        {
            return next();
        }

        var request = context.HttpContext.Request;
        var name = HandlerName(context);
        // As Razor Pages matches them: a handler without a name answers any handler name asked for.
        var matching = context.ActionDescriptor.HandlerMethods
            .Where(h => h.Name is null || string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (name is not null && matching.Count == 0)
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        if (name is null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            // No handler was selected, so the page has no GET handler: nothing is loaded for it to show.
            return next();
        }

        var allowed = matching.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (allowed.Contains(HttpMethods.Get) || name is null)
        {
            // A GET without a handler name is answered even without a GET handler (the page renders), and HEAD follows GET.
            allowed.Add(HttpMethods.Get);
            allowed.Add(HttpMethods.Head);
        }

        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed.Order(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }

    /// <summary>The handler name the request asks for, read as Razor Pages' handler selector reads it.</summary>
    private static string? HandlerName(PageHandlerExecutingContext context)
    {
        var fromRoute = Convert.ToString(context.RouteData.Values[HandlerKey], System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(fromRoute))
        {
            return fromRoute;
        }

        return context.HttpContext.Request.Query.TryGetValue(HandlerKey, out var fromQuery) && !string.IsNullOrEmpty(fromQuery[0])
            ? fromQuery[0]
            : null;
    }
}
