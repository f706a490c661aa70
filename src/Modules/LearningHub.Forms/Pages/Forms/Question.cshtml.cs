using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Forms.Pages.Forms;

/// <summary>
/// A page of questions. Answers are checked when the page is posted: with any error the page comes
/// back with an error summary and everything as typed; otherwise they are kept in the draft.
/// </summary>
public sealed class QuestionModel(FormResponses responses) : FillingPageModel(responses)
{
    [FromRoute(Name = "number")]
    public int Number { get; set; }

    /// <summary>Set by the check answers page's "Change" links, to come back to it after the change.</summary>
    [FromQuery(Name = "change")]
    public bool Changing { get; set; }

    public IReadOnlyList<QuestionField> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync() || Number < 1 || Number > Session.PageCount)
        {
            return NotFound();
        }

        if (Session.AlreadySubmitted)
        {
            return RedirectToPage("/Forms/Done", Journey());
        }

        Fields = Session.Page(Number).Select(q => QuestionField.FromStored(q, Session.StoredAnswer(q))).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || Number < 1 || Number > Session.PageCount)
        {
            return NotFound();
        }

        if (Session.AlreadySubmitted)
        {
            return RedirectToPage("/Forms/Done", Journey());
        }

        var form = Request.HasFormContentType ? Request.Form : null;
        Microsoft.Extensions.Primitives.StringValues Posted(string name) => form is not null && form.TryGetValue(name, out var v) ? v : default;
        var checks = Session.Page(Number).Select(q => AnswerValidator.Check(q, Posted)).ToList();
        if (checks.Any(c => !c.IsValid))
        {
            foreach (var check in checks.Where(c => !c.IsValid))
            {
                ModelState.AddModelError(AnswerValidator.FirstControlId(check.Question), check.Error!);
            }

            Fields = checks.Select(c => QuestionField.FromPosted(c.Question, Posted, c.Error)).ToList();
            return Page();
        }

        await Responses.SavePageAsync(Session, Context, Answerer!, checks, HttpContext.RequestAborted);
        return Changing || Number == Session.PageCount
            ? RedirectToPage("/Forms/Check", Journey())
            : RedirectToPage("/Forms/Question", Journey(Number + 1));
    }

    public string BackUrl => Number == 1 ? JourneyUrl("/Forms/Start") : JourneyUrl("/Forms/Question", Number - 1);
}
