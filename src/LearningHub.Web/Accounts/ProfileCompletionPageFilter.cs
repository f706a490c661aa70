using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LearningHub.Web.Accounts;

/// <summary>Marks a page a person may use before their profile is complete (completing it, signing out, their data rights).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowIncompleteProfileAttribute : Attribute;

/// <summary>
/// A signed-in person whose account lacks its agency, job role or locality (an account made from a work account's
/// sign-in) completes it before anything else: every board page sends them to <c>/account/complete-profile</c> and
/// back, except pages marked <see cref="AllowIncompleteProfileAttribute"/>. Read from the sign-in cookie's mark
/// (<see cref="LearningHubClaimTypes.ProfileIncomplete"/>), so no page pays a database read for it.
/// </summary>
public sealed class ProfileCompletionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!http.User.HasClaim(c => c.Type == LearningHubClaimTypes.ProfileIncomplete)
            || http.RequestServices.GetRequiredService<BoardContext>().Current is null
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowIncompleteProfileAttribute>().Any())
        {
            return next();
        }

        var returnUrl = HttpMethods.IsGet(http.Request.Method) ? http.Request.PathBase + http.Request.Path + http.Request.QueryString : null;
        context.Result = new RedirectToPageResult("/Account/CompleteProfile", new { returnUrl = returnUrl?.ToString() });
        return Task.CompletedTask;
    }
}
