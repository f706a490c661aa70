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

    public IReadOnlyList<SelectListItem> RequiredItems { get; } = [new("Yes, an answer is required", "yes"), new("No, it is optional", "no")];

    public IReadOnlyList<SelectListItem> QuoteItems { get; } =
        [new("No, answers are never quoted", "no"), new("Yes, answers may be quoted without the person's name", "yes")];

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
                SingleChoiceOptions = question.Type == QuestionType.SingleChoice ? string.Join('\n', question.Options) : null,
                MultipleChoiceOptions = question.Type == QuestionType.MultipleChoice ? string.Join('\n', question.Options) : null,
                ShortTextMaxLength = question.Type == QuestionType.ShortText ? question.MaxLength : null,
                LongTextMaxLength = question.Type == QuestionType.LongText ? question.MaxLength : null,
                ScaleLowLabel = question.Type == QuestionType.Scale ? question.ScaleLowLabel : null,
                ScaleHighLabel = question.Type == QuestionType.Scale ? question.ScaleHighLabel : null,
                MayQuote = question.MayQuoteAnonymously ? "yes" : "no",
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

        // Only the chosen type's fields count: without JavaScript every type's fields are on the page, and what was
        // typed under another type is neither saved nor an error.
        // Their entries stay (with what was typed, shown again) but lose any error.
        foreach (var field in QuestionInput.TypeFields.Where(f => f.Type != Input.Type).Select(f => f.Field))
        {
            if (ModelState.TryGetValue($"Input.{field}", out var entry))
            {
                entry.Errors.Clear();
                entry.ValidationState = Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Skipped;
            }
        }

        var draft = Input.Draft();
        foreach (var (field, message) in FormEditor.Problems(draft))
        {
            var key = $"Input.{QuestionInput.FieldOf(draft.Type, field)}";
            if (ModelState[key] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(key, message);
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

    /// <summary>
    /// A question as typed. Each type's own settings have their own fields, shown under the type's radio (GOV.UK
    /// radios with conditional reveal), so that two types' fields never share a name.
    /// </summary>
    public sealed class QuestionInput
    {
        /// <summary>The fields that belong to one type, in the order the page shows them.</summary>
        public static readonly IReadOnlyList<(QuestionType Type, string Field)> TypeFields =
        [
            (QuestionType.ShortText, nameof(ShortTextMaxLength)),
            (QuestionType.LongText, nameof(LongTextMaxLength)),
            (QuestionType.SingleChoice, nameof(SingleChoiceOptions)),
            (QuestionType.MultipleChoice, nameof(MultipleChoiceOptions)),
            (QuestionType.Scale, nameof(ScaleLowLabel)),
            (QuestionType.Scale, nameof(ScaleHighLabel)),
        ];

        /// <summary>The field on this page for one of <see cref="FormEditor.Problems"/>' field names, for the chosen type.</summary>
        public static string FieldOf(QuestionType type, string field) => (type, field) switch
        {
            (QuestionType.SingleChoice, "Options") => nameof(SingleChoiceOptions),
            (QuestionType.MultipleChoice, "Options") => nameof(MultipleChoiceOptions),
            (QuestionType.ShortText, "MaxLength") => nameof(ShortTextMaxLength),
            (QuestionType.LongText, "MaxLength") => nameof(LongTextMaxLength),
            _ => field,
        };

        [Display(Order = 1)]
        public string? Text { get; set; }

        [Display(Order = 2)]
        public string? Hint { get; set; }

        [Display(Order = 3)]
        [Required(ErrorMessage = "Select the type of question")]
        public QuestionType? Type { get; set; }

        [Display(Order = 4)]
        public int? ShortTextMaxLength { get; set; }

        [Display(Order = 5)]
        public int? LongTextMaxLength { get; set; }

        [Display(Order = 6)]
        public string? SingleChoiceOptions { get; set; }

        [Display(Order = 7)]
        public string? MultipleChoiceOptions { get; set; }

        [Display(Order = 8)]
        public string? ScaleLowLabel { get; set; }

        [Display(Order = 9)]
        public string? ScaleHighLabel { get; set; }

        [Display(Order = 10)]
        [Required(ErrorMessage = "Select whether an answer is required")]
        [RegularExpression("^(yes|no)$", ErrorMessage = "Select whether an answer is required")]
        public string? Required { get; set; } = "yes";

        [Display(Order = 11)]
        public string? Key { get; set; }

        /// <summary>"yes" when a text question's answers may be quoted anonymously in the board's reports.</summary>
        [Display(Order = 12)]
        [RegularExpression("^(yes|no)$", ErrorMessage = "Select whether answers may be quoted")]
        public string? MayQuote { get; set; } = "no";

        /// <summary>The question for the editor, from the chosen type's fields only.</summary>
        public QuestionDraft Draft()
        {
            var type = Type ?? QuestionType.ShortText;
            var options = type switch
            {
                QuestionType.SingleChoice => SingleChoiceOptions,
                QuestionType.MultipleChoice => MultipleChoiceOptions,
                _ => null,
            };
            var maxLength = type switch
            {
                QuestionType.ShortText => ShortTextMaxLength,
                QuestionType.LongText => LongTextMaxLength,
                _ => null,
            };
            var scale = type == QuestionType.Scale;
            return new QuestionDraft(type, Text ?? "", Key, Hint, Required != "no", (options ?? "").Split('\n'), maxLength,
                scale ? ScaleLowLabel : null, scale ? ScaleHighLabel : null, MayQuote == "yes");
        }
    }
}
