using LearningHub.Core.Pages;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Forms.Pages.Forms;

/// <summary>
/// What every filling-in page shares: the form key from the route, the context and return address
/// from the query string (checked), and the signed-in person's draft. A form not asked of the person in the context
/// (<see cref="FormEntitlement"/>) shows the "you cannot answer this form here" page (403) instead, from every page of
/// the journey; people who manage forms may still look at its pages (the builder's "Preview"), never save.
/// </summary>
[Authorize]
public abstract class FillingPageModel(FormResponses responses) : BoardPageModel
{
    [FromRoute(Name = "key")]
    public string FormKey { get; set; } = "";

    [FromQuery(Name = "context")]
    public string? ContextValue { get; set; }

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string Context => string.IsNullOrEmpty(ContextValue) ? FormContexts.General : ContextValue;

    public FillingSession Session { get; private set; } = default!;

    protected FormResponses Responses => responses;

    /// <summary>Set when the form is not asked of this person here: the page's view shows <c>_FormNotOpen</c> instead.</summary>
    public bool NotOpen { get; private set; }

    /// <summary>Loads the form and the person's draft; null (404) for an unknown form, a bad context or a return address elsewhere.</summary>
    protected async Task<bool> LoadAsync()
    {
        if (!FormContexts.IsValid(Context) || FormKey.Length > 100 || (ReturnUrl is not null && !ReturnUrls.IsLocal(ReturnUrl)) || UserId is null)
        {
            return false;
        }

        var session = await responses.OpenAsync(FormKey, Context, UserId, HttpContext.RequestAborted);
        if (session is null)
        {
            return false;
        }

        Session = session;
        if (!session.MayAnswer && !(HttpMethods.IsGet(Request.Method) && await MayPreviewAsync()))
        {
            throw new FormNotOpenException();
        }

        return true;
    }

    private async Task<bool> MayPreviewAsync() =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, FormsPermissions.Manage)).Succeeded;

    public override void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Exception is FormNotOpenException && !context.ExceptionHandled)
        {
            context.ExceptionHandled = true;
            NotOpen = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Result = Page();
        }

        base.OnPageHandlerExecuted(context);
    }

    /// <summary>The route values every page of this form's journey keeps: the form, the context and the return address.</summary>
    protected RouteValueDictionary Journey(int? number = null) => new()
    {
        ["key"] = FormKey,
        ["number"] = number,
        ["context"] = Context,
        ["returnUrl"] = ReturnUrl,
    };

    /// <summary>A page of this form's journey (<c>/Forms/Start</c>, <c>/Forms/Question</c> with its number, <c>/Forms/Check</c>), keeping the context and return address.</summary>
    public string JourneyUrl(string page, int? number = null) => Url.Page(page, Journey(number))!;
}
