using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Forms.Pages.Forms;

/// <summary>The confirmation: answers received, and the way back to where the person came from.</summary>
public sealed class DoneModel(FormResponses responses) : FillingPageModel(responses)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return Session.AlreadySubmitted ? Page() : RedirectToPage("/Forms/Start", Journey());
    }
}
