using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LearningHub.Core.Pages;

/// <summary>
/// Load-or-404 in one place: <c>var e = (await query.SingleOrDefaultAsync()).OrNotFound();</c> ends the
/// request with the site's 404 page when the row is not there, instead of an <c>if (x is null) return
/// NotFound();</c> on every handler. Board query filters make another board's row "not there".
/// </summary>
public static class NotFound
{
    public static T OrNotFound<T>([NotNull] this T? value) where T : class =>
        value ?? throw new NotFoundException();

    public static T OrNotFound<T>([NotNull] this T? value) where T : struct =>
        value ?? throw new NotFoundException();

    public static async Task<T> OrNotFound<T>(this Task<T?> loading) where T : class =>
        (await loading).OrNotFound();
}

/// <summary>What <see cref="NotFound.OrNotFound{T}(T)"/> throws; <see cref="NotFoundPageFilter"/> turns it into 404.</summary>
public sealed class NotFoundException() : Exception("The requested item does not exist on this board.");

/// <summary>Turns a <see cref="NotFoundException"/> from any page handler into a plain 404 (the status-code page follows).</summary>
public sealed class NotFoundPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is NotFoundException)
        {
            executed.Result = new NotFoundResult();
            executed.ExceptionHandled = true;
        }
    }
}
