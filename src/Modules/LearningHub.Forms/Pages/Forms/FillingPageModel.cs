using System.Security.Claims;
using LearningHub.Core.Boards;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningHub.Forms.Pages.Forms;

/// <summary>
/// What every filling-in page shares: the form key from the route, the context and return address
/// from the query string (checked), and the signed-in person's draft.
/// </summary>
[Authorize]
public abstract class FillingPageModel(FormResponses responses, BoardContext boards) : PageModel
{
    [FromRoute(Name = "key")]
    public string FormKey { get; set; } = "";

    [FromQuery(Name = "context")]
    public string? ContextValue { get; set; }

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string Context => string.IsNullOrEmpty(ContextValue) ? FormContexts.General : ContextValue;

    public FillingSession Session { get; private set; } = default!;

    public string BoardSlug => boards.Required.Slug;

    protected FormResponses Responses => responses;

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>Loads the form and the person's draft; null (404) for an unknown form, a bad context or a return address elsewhere.</summary>
    protected async Task<bool> LoadAsync()
    {
        if (!FormContexts.IsValid(Context) || FormKey.Length > 100 || (ReturnUrl is not null && !ReturnUrls.IsLocal(ReturnUrl)) || UserId.Length == 0)
        {
            return false;
        }

        var session = await responses.OpenAsync(FormKey, Context, UserId, HttpContext.RequestAborted);
        if (session is null)
        {
            return false;
        }

        Session = session;
        return true;
    }

    /// <summary>An address in this form's journey, keeping the context and return address.</summary>
    public string JourneyUrl(string step)
    {
        var url = $"/{BoardSlug}/forms/{Uri.EscapeDataString(FormKey)}{(step.Length > 0 ? "/" + step : "")}?context={Uri.EscapeDataString(Context)}";
        return ReturnUrl is null ? url : $"{url}&returnUrl={Uri.EscapeDataString(ReturnUrl)}";
    }
}
