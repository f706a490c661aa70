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
/// The person answering is the one signed in or, for someone without an account, the recipient named by a signed
/// answer link (<see cref="FormAnswerLinks"/>, carried through the journey's addresses); with neither, sign in.
/// </summary>
[AllowAnonymous]
public abstract class FillingPageModel(FormResponses responses) : BoardPageModel
{
    [FromRoute(Name = "key")]
    public string FormKey { get; set; } = "";

    [FromQuery(Name = "context")]
    public string? ContextValue { get; set; }

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    [FromQuery(Name = FormAnswerLinks.QueryName)]
    public string? AnswerToken { get; set; }

    public string Context => string.IsNullOrEmpty(ContextValue) ? FormContexts.General : ContextValue;

    /// <summary>Who is answering: the signed-in person, else the recipient of a genuine answer link for this form here.</summary>
    protected string? Answerer { get; private set; }

    public FillingSession Session { get; private set; } = default!;

    protected FormResponses Responses => responses;

    /// <summary>Set when the form is not asked of this person here: the page's view shows <c>_FormNotOpen</c> instead.</summary>
    public bool NotOpen { get; private set; }

    /// <summary>Loads the form and the person's draft; null (404) for an unknown form, a bad context or a return address elsewhere.</summary>
    protected async Task<bool> LoadAsync()
    {
        if (!FormContexts.IsValid(Context) || FormKey.Length > 100 || (ReturnUrl is not null && !ReturnUrls.IsLocal(ReturnUrl)))
        {
            return false;
        }

        Answerer = UserId ?? HttpContext.RequestServices.GetRequiredService<FormAnswerLinks>().RecipientFor(FormKey, Context, AnswerToken);
        if (Answerer is null)
        {
            throw new SignInNeededException();
        }

        var session = await responses.OpenAsync(FormKey, Context, Answerer, HttpContext.RequestAborted);
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
        if (context.Exception is SignInNeededException && !context.ExceptionHandled)
        {
            context.ExceptionHandled = true;
            context.Result = Challenge();
        }
        else if (context.Exception is FormNotOpenException && !context.ExceptionHandled)
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
        // Only someone answering by link carries it on; a signed-in person's addresses stay as they were.
        [FormAnswerLinks.QueryName] = UserId is null ? AnswerToken : null,
    };

    /// <summary>A page of this form's journey (<c>/Forms/Start</c>, <c>/Forms/Question</c> with its number, <c>/Forms/Check</c>), keeping the context and return address.</summary>
    public string JourneyUrl(string page, int? number = null) => Url.Page(page, Journey(number))!;
}

/// <summary>Nobody is signed in and no genuine answer link was given: the journey asks them to sign in.</summary>
internal sealed class SignInNeededException : Exception;
