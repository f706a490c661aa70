using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Notifications.Domain;
using LearningHub.Notifications.Templates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Notifications.Pages.Admin.Mail.Templates;

/// <summary>
/// Edits a board's wording of one mail, with a preview. A placeholder the template does not offer is
/// refused when saving (and previewing), naming it and the ones that can be used.
/// </summary>
[Authorize(Policy = NotificationsPermissions.ManageMail)]
public sealed class EditModel(LearningHubDbContext db, MailTemplateCatalog catalog, MailTemplateRenderer renderer, MailTemplateEditor editor) : BoardPageModel
{
    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public MailTemplateDefinition Definition { get; private set; } = default!;

    public RenderedMail? Preview { get; private set; }

    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        var custom = await db.Set<BoardMailTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Key == key);
        Input = custom is null
            ? new TemplateInput { Subject = Definition.Subject, TextBody = Definition.TextBody, HtmlBody = Definition.HtmlBody }
            : new TemplateInput { Subject = custom.Subject, TextBody = custom.TextBody, HtmlBody = custom.HtmlBody };
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string key)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        if (Check())
        {
            Preview = renderer.Preview(Definition, Input.Subject!, Input.TextBody!, Input.HtmlBody!,
                MailPlaceholders.CommonValues(Board, "Sam Example"));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string key)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        if (!Check())
        {
            return Page();
        }

        await editor.SaveAsync(Definition, Input.Subject!, Input.TextBody!, Input.HtmlBody!);
        return RedirectToPage("/Admin/Mail/Templates/Index");
    }

    public async Task<IActionResult> OnPostRestoreAsync(string key)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        await editor.RestoreAsync(Definition);
        return RedirectToPage("/Admin/Mail/Templates/Index");
    }

    private async Task<bool> LoadAsync(string key)
    {
        if (catalog.Find(key) is not { } definition)
        {
            return false;
        }

        Definition = definition;
        Changed = await db.Set<BoardMailTemplate>().AnyAsync(t => t.Key == key);
        return true;
    }

    /// <summary>Puts each template problem against its field; true when there are none.</summary>
    private bool Check()
    {
        var validation = renderer.Validate(Definition, Input.Subject, Input.TextBody, Input.HtmlBody);
        foreach (var problem in validation.Problems)
        {
            var message = problem.Line is { } line ? $"{Label(problem.Field)}, line {line}: {problem.Message}" : $"{Label(problem.Field)}: {problem.Message}";
            ModelState.AddModelError($"Input.{problem.Field}", message);
        }

        return validation.IsValid;
    }

    private static string Label(string field) => field switch
    {
        MailTemplatePart.TextBody => "Plain text",
        MailTemplatePart.HtmlBody => "HTML",
        _ => field,
    };

    public sealed class TemplateInput
    {
        public string? Subject { get; set; }

        public string? TextBody { get; set; }

        public string? HtmlBody { get; set; }
    }
}
