using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningHub.Forms.Pages.Admin.Forms;

/// <summary>A new form: title, key, purpose, anonymous or named. Questions are added next.</summary>
[Authorize(Policy = FormsPermissions.Manage)]
public sealed class CreateModel(LearningHubDbContext db, FormEditor editor) : BoardPageModel
{
    [BindProperty]
    public FormDetailsInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Purposes => FormDetailsInput.PurposeItems;

    public IReadOnlyList<SelectListItem> Anonymity => FormDetailsInput.AnonymityItems;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var key = string.IsNullOrWhiteSpace(Input.Key) ? FormEditor.Slug(Input.Title ?? "") : Input.Key.Trim();
        if (!string.IsNullOrWhiteSpace(Input.Key) && !FormEditor.IsValidKey(key))
        {
            ModelState.AddModelError("Input.Key", "The key must use only lower case letters, numbers and single hyphens, like event-evaluation");
        }
        else if (ModelState.IsValid && await editor.KeyTakenAsync(key))
        {
            ModelState.AddModelError("Input.Key", "Another form already uses this key: enter a different one");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var form = editor.Create(key, Input.Title!.Trim(), string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
            Input.Purpose!.Value, Input.Anonymous == "anonymous");
        await db.SaveChangesAsync();
        return RedirectToPage("/Admin/Forms/Edit", new { id = form.Id });
    }
}

public sealed class FormDetailsInput
{
    public static IReadOnlyList<SelectListItem> PurposeItems { get; } =
        Enum.GetValues<FormPurpose>().Select(p => new SelectListItem(p.DisplayName(), p.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> AnonymityItems { get; } =
    [
        new("Named: results show who answered", "named"),
        new("Anonymous: results never show who answered", "anonymous"),
    ];

    [Display(Order = 1)]
    [Required(ErrorMessage = "Enter a title for the form")]
    [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [Display(Order = 2)]
    [StringLength(100, ErrorMessage = "The key must be 100 characters or fewer")]
    public string? Key { get; set; }

    [Display(Order = 3)]
    [Required(ErrorMessage = "Select what the form is for")]
    public FormPurpose? Purpose { get; set; }

    [Display(Order = 4)]
    [Required(ErrorMessage = "Select whether answers are named or anonymous")]
    [RegularExpression("^(named|anonymous)$", ErrorMessage = "Select whether answers are named or anonymous")]
    public string? Anonymous { get; set; }

    [Display(Order = 5)]
    [StringLength(2000, ErrorMessage = "The description must be 2,000 characters or fewer")]
    public string? Description { get; set; }
}
