using LearningHub.Core.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Core.Pages;

/// <summary>
/// Turns a <see cref="BoardReferenceException"/> from any page handler (a posted id or key naming another board's row,
/// or none) into field errors on the page as posted, so what was typed stays and the error summary links to the
/// field. The field is the bound value named like the entity's property (<c>Input.RoadshowId</c> for
/// <c>RoadshowId</c>); the summary alone when the page has none.
/// </summary>
public sealed class BoardReferencePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not BoardReferenceException refused || executed.ExceptionHandled)
        {
            return;
        }

        var modelState = executed.ModelState;
        foreach (var violation in refused.Violations)
        {
            var field = modelState.Keys.FirstOrDefault(k =>
                k.Equals(violation.Property, StringComparison.OrdinalIgnoreCase)
                || k.EndsWith("." + violation.Property, StringComparison.OrdinalIgnoreCase)) ?? "";
            modelState.AddModelError(field, violation.Message);
        }

        executed.Result = new PageResult();
        executed.ExceptionHandled = true;
    }
}
