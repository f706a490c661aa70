using LearningHub.Core.Pages;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LearningHub.Events.Pages.Events;

/// <summary>
/// A page whose form asks for a decision under an event's lock (booking, cancelling, answering an offer or an
/// approval). When the lock is not free within <see cref="EventsOptions.LockWait"/> (<see cref="EventBusyException"/>:
/// nothing was decided or saved), the page is shown with <see cref="Busy"/> set, and its view shows the calm
/// "try again in a moment" message (<c>_EventBusy</c>) instead of an error, with 503 and Retry-After.
/// </summary>
public abstract class DecisionPageModel : BoardPageModel
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public bool Busy { get; private set; }

    public override void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Exception is EventBusyException && !context.ExceptionHandled)
        {
            context.ExceptionHandled = true;
            Busy = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Result = Page();
        }

        base.OnPageHandlerExecuted(context);
    }
}
