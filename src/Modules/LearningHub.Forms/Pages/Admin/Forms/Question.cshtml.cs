using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Pages;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningHub.Forms.Pages.Admin.Forms;

/// <summary>Add or change one question. The rules are <see cref="FormEditor.Problems"/>, shared with the recipe step.</summary>
[Authorize(Policy = FormsPermissions.Manage)]
public sealed class QuestionModel(FormEditor editor) : BoardPageModel
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public Form Form { get; private set; } = default!;

    public bool IsNew { get; private set; }

    public IReadOnlyList<SelectListItem> Types { get; } =
        Enum.GetValues<QuestionType>().Select(t => new SelectListItem(t.DisplayName(), t.ToString())).ToList();

    public IReadOnlyList<SelectListItem> RequiredItems { get; } = [new("Yes, an answer is required", "yes"), new("No, it is optional", "no")];

    public async Task<IActionResult> OnGetAsync(Guid id, string questionId)
    {
        var (found, question) = await LoadAsync(id, questionId);
        if (!found)
        {
            return NotFound();
        }

        if (question is not null)
        {
            Input = new QuestionInput
            {
                Type = question.Type,
                Text = question.Text,
                Key = question.Key,
                Hint = question.Hint,
                Required = question.IsRequired ? "yes" : "no",
                Options = string.Join('\n', question.Options),
                MaxLength = question.Type is QuestionType.LongText or QuestionType.ShortText ? question.MaxLength : null,
                ScaleLowLabel = question.ScaleLowLabel,
                ScaleHighLabel = question.ScaleHighLabel,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string questionId)
    {
        var (found, question) = await LoadAsync(id, questionId);
        if (!found)
        {
            return NotFound();
        }

        var draft = new QuestionDraft(Input.Type ?? QuestionType.ShortText, Input.Text ?? "", Input.Key, Input.Hint, Input.Required != "no",
            (Input.Options ?? "").Split('\n'), Input.MaxLength, Input.ScaleLowLabel, Input.ScaleHighLabel);
        foreach (var (field, message) in FormEditor.Problems(draft))
        {
            if (ModelState[$"Input.{field}"] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError($"Input.{field}", message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await editor.SaveQuestionAsync(Form, question?.Id, draft);
        return RedirectToPage("/Admin/Forms/Edit", new { id });
    }

    private async Task<(bool Found, FormQuestion? Question)> LoadAsync(Guid id, string questionId)
    {
        var form = await editor.FindAsync(id);
        if (form is null)
        {
            return (false, null);
        }

        Form = form;
        if (questionId == "new")
        {
            IsNew = true;
            return (true, null);
        }

        var question = Guid.TryParse(questionId, out var qid)
            ? (await editor.CurrentVersionAsync(form)).Questions.FirstOrDefault(q => q.Id == qid)
            : null;
        return (question is not null, question);
    }

    public sealed class QuestionInput
    {
        [Display(Order = 1)]
        [Required(ErrorMessage = "Select the type of question")]
        public QuestionType? Type { get; set; }

        [Display(Order = 2)]
        public string? Text { get; set; }

        [Display(Order = 3)]
        public string? Hint { get; set; }

        [Display(Order = 4)]
        [Required(ErrorMessage = "Select whether an answer is required")]
        [RegularExpression("^(yes|no)$", ErrorMessage = "Select whether an answer is required")]
        public string? Required { get; set; } = "yes";

        [Display(Order = 5)]
        public string? Options { get; set; }

        [Display(Order = 6)]
        [Range(1, FormQuestion.LongTextCeiling, ErrorMessage = "The longest answer must be from 1 to 10,000 characters")]
        public int? MaxLength { get; set; }

        [Display(Order = 7)]
        public string? ScaleLowLabel { get; set; }

        [Display(Order = 8)]
        public string? ScaleHighLabel { get; set; }

        [Display(Order = 9)]
        public string? Key { get; set; }
    }
}
