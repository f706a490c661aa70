using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Pages.Forms;

/// <summary>Check your answers, then submit. Submitting checks every answer again.</summary>
public sealed class CheckModel(FormResponses responses) : FillingPageModel(responses)
{
    public IReadOnlyList<AnswerCheck> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return Session.AlreadySubmitted ? RedirectToPage("/Forms/Done", Journey()) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Session.AlreadySubmitted)
        {
            return RedirectToPage("/Forms/Done", Journey());
        }

        try
        {
            Problems = await Responses.SubmitAsync(Session, Context, Answerer!, HttpContext.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // The same person submitted in another tab a moment ago: their receipt is there, so this one is done too.
            return RedirectToPage("/Forms/Done", Journey());
        }

        if (Problems.Count > 0)
        {
            foreach (var problem in Problems)
            {
                ModelState.AddModelError(problem.Question.Id.ToString("N"), problem.Error!);
            }

            return Page();
        }

        return RedirectToPage("/Forms/Done", Journey());
    }

    public string Display(FormQuestion question)
    {
        var stored = Session.StoredAnswer(question);
        if (stored is null)
        {
            return "Not answered";
        }

        return question.Type switch
        {
            QuestionType.YesNo => stored == "yes" ? "Yes" : "No",
            QuestionType.Date => DateOnly.TryParseExact(stored, "yyyy-MM-dd", out var d) ? d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : stored,
            QuestionType.Scale => stored switch
            {
                "1" => $"1 – {question.ScaleLowLabel}",
                "5" => $"5 – {question.ScaleHighLabel}",
                _ => stored,
            },
            _ => stored,
        };
    }

    public string ChangeUrl(FormQuestion question)
    {
        var values = Journey(Session.PageOf(question));
        values["change"] = "true";
        return Url.Page("/Forms/Question", null, values, protocol: null, host: null, fragment: AnswerValidator.FirstControlId(question))!;
    }
}
