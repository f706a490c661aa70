using LearningHub.Core.Pages;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Forms.Pages.Admin.Forms;

/// <summary>A form's questions in order, to add, change, move and remove (asked first on <see cref="RemoveQuestionModel"/>); changes after answers make a new version.</summary>
[Authorize(Policy = FormsPermissions.Manage)]
public sealed class EditModel(FormEditor editor) : BoardPageModel
{
    public Form Form { get; private set; } = default!;

    public IReadOnlyList<FormQuestion> Questions { get; private set; } = [];

    public bool Answered { get; private set; }

    public int Submissions { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var form = await editor.FindAsync(id);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        Questions = (await editor.CurrentVersionAsync(form)).Questions.OrderBy(q => q.Position).ToList();
        Answered = await editor.CurrentVersionAnsweredAsync(form);
        Submissions = await editor.SubmissionCountAsync(form.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid questionId, int direction)
    {
        var form = await editor.FindAsync(id);
        if (form is null || !await editor.MoveQuestionAsync(form, questionId, direction))
        {
            return NotFound();
        }

        return RedirectToPage("/Admin/Forms/Edit", new { id });
    }
}
