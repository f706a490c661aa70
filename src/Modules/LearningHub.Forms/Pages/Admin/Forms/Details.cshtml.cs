using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningHub.Forms.Pages.Admin.Forms;

/// <summary>
/// A form's title, description, purpose and anonymity. The key never changes (other modules and
/// recipes refer to it), and a form with answers cannot switch between named and anonymous: people
/// answered on the promise they were given.
/// </summary>
[Authorize(Policy = FormsPermissions.Manage)]
public sealed class DetailsModel(LearningHubDbContext db, FormEditor editor) : BoardPageModel
{
    [BindProperty]
    public FormDetailsInput Input { get; set; } = new();

    public Form Form { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Purposes => FormDetailsInput.PurposeItems;

    public IReadOnlyList<SelectListItem> Anonymity => FormDetailsInput.AnonymityItems;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var form = await editor.FindAsync(id);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        Input = new FormDetailsInput
        {
            Title = form.Title,
            Key = form.Key,
            Purpose = form.Purpose,
            Anonymous = form.IsAnonymous ? "anonymous" : "named",
            Description = form.Description,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var form = await editor.FindAsync(id);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        Input.Key = form.Key;
        var anonymous = Input.Anonymous == "anonymous";
        if (ModelState.IsValid && anonymous != form.IsAnonymous && await editor.SubmissionCountAsync(form.Id) > 0)
        {
            ModelState.AddModelError("Input.Anonymous", $"People have already answered this form as {(form.IsAnonymous ? "anonymous" : "named")}: create a new form to ask differently");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        form.Title = Input.Title!.Trim();
        form.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        form.Purpose = Input.Purpose!.Value;
        form.IsAnonymous = anonymous;
        form.UpdatedUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
        return RedirectToPage("/Admin/Forms/Edit", new { id });
    }
}
