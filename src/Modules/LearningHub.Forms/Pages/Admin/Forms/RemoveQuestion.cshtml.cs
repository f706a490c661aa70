using LearningHub.Core.Pages;
using LearningHub.Forms.Services;
using LearningHub.Theme.Base;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Forms.Pages.Admin.Forms;

/// <summary>"Are you sure" before a question is removed from a form: the form's page links here, and only this page's POST removes.</summary>
[Authorize(Policy = FormsPermissions.Manage)]
public sealed class RemoveQuestionModel(FormEditor editor) : BoardPageModel
{
    public Guid FormId { get; private set; }

    public AreYouSure Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid questionId)
    {
        var form = await editor.FindAsync(id);
        var question = form is null ? null : (await editor.CurrentVersionAsync(form)).Questions.FirstOrDefault(q => q.Id == questionId);
        if (form is null || question is null)
        {
            return NotFound();
        }

        FormId = id;
        Question = new AreYouSure($"Are you sure you want to remove question {question.Position}?", question.Text, "Yes, remove this question",
            Url.Page("/Admin/Forms/Edit", new { id })!,
            await editor.CurrentVersionAnsweredAsync(form) ? $"People have answered this version: removing the question makes version {form.CurrentVersion + 1}. Answers already given keep it." : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid questionId)
    {
        var form = await editor.FindAsync(id);
        if (form is null || !await editor.RemoveQuestionAsync(form, questionId))
        {
            return NotFound();
        }

        return RedirectToPage("/Admin/Forms/Edit", new { id });
    }
}
