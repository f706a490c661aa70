using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Forms.Pages.Forms;

/// <summary>The start of a form: what it asks and why, whether it is anonymous, and where the person left off.</summary>
public sealed class StartModel(FormResponses responses) : FillingPageModel(responses)
{
    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();
}
