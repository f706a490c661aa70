using System.ComponentModel.DataAnnotations;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Markdown;
using LearningHub.Core.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using LearningHub.Core.Taxonomies;

namespace LearningHub.Cases.Pages.Author;

/// <summary>The details of a module version an author fills in (create and edit share it).</summary>
public sealed class ModuleDetailsInput
{
    [Display(Order = 1)]
    [Required(ErrorMessage = "Enter the module's title")]
    [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [Display(Order = 2)]
    [Required(ErrorMessage = "Select the type of review")]
    public ReviewType? ReviewType { get; set; }

    [Display(Order = 3)]
    public DateInput PublishedOn { get; set; } = new();

    [Display(Order = 4)]
    [Required(ErrorMessage = "Enter a summary")]
    [StringLength(600, ErrorMessage = "The summary must be 600 characters or fewer")]
    public string? Summary { get; set; }

    [Display(Order = 5)]
    [Required(ErrorMessage = "Enter the content warning")]
    [StringLength(400, ErrorMessage = "The content warning must be 400 characters or fewer")]
    public string? ContentWarning { get; set; }

    [Display(Order = 6)]
    [Required(ErrorMessage = "Enter where people can get support")]
    [StringLength(1000, ErrorMessage = "The support information must be 1,000 characters or fewer")]
    [RenderableMarkdown]
    public string? SupportSignposting { get; set; }

    [Display(Order = 7)]
    [Required(ErrorMessage = "Enter the key messages")]
    [StringLength(2000, ErrorMessage = "The key messages must be 2,000 characters or fewer")]
    public string? KeyMessages { get; set; }

    [Display(Order = 8)]
    public List<Guid> Themes { get; set; } = [];

    [Display(Order = 9)]
    public List<Guid> Topics { get; set; } = [];

    [Display(Order = 10)]
    [StringLength(5000, ErrorMessage = "The board's response must be 5,000 characters or fewer")]
    [RenderableMarkdown]
    public string? BoardResponse { get; set; }

    [Display(Order = 11)]
    [StringLength(1000, ErrorMessage = "The note of what changed must be 1,000 characters or fewer")]
    public string? ChangeNote { get; set; }

    /// <summary>Checks what attributes cannot (the date, the terms) and adds errors under <paramref name="prefix"/>.</summary>
    public DateOnly? Validate(ModelStateDictionary modelState, string prefix, IReadOnlyCollection<TermChoice> themes, IReadOnlyCollection<TermChoice> topics)
    {
        var date = PublishedOn.Read(modelState, $"{prefix}.PublishedOn", "the date the review was published", required: false);

        if (Themes.Any(id => themes.All(t => t.Id != id)) || Topics.Any(id => topics.All(t => t.Id != id)))
        {
            modelState.AddModelError($"{prefix}.Themes", "Select themes and topics from the lists");
        }

        return date;
    }

    public void ApplyTo(CaseModuleVersion version, DateOnly? publishedOn)
    {
        version.Title = Title!.Trim();
        version.ReviewType = ReviewType!.Value;
        version.ReviewPublishedOn = publishedOn;
        version.Summary = Summary!.Trim();
        version.ContentWarning = ContentWarning!.Trim();
        version.SupportSignposting = SupportSignposting!.Trim();
        version.KeyMessages = string.Join('\n', CaseModuleVersion.SplitKeyMessages(KeyMessages));
        version.BoardResponse = string.IsNullOrWhiteSpace(BoardResponse) ? null : BoardResponse.Trim();
        version.ChangeNote = string.IsNullOrWhiteSpace(ChangeNote) ? null : ChangeNote.Trim();
    }

    public static ModuleDetailsInput From(CaseModuleVersion v) => new()
    {
        Title = v.Title,
        ReviewType = v.ReviewType,
        PublishedOn = DateInput.Of(v.ReviewPublishedOn),
        Summary = v.Summary,
        ContentWarning = v.ContentWarning,
        SupportSignposting = v.SupportSignposting,
        KeyMessages = v.KeyMessages,
        Themes = v.Themes.Select(t => t.ThemeId).ToList(),
        Topics = v.Topics.Select(t => t.TopicId).ToList(),
        BoardResponse = v.BoardResponse,
        ChangeNote = v.ChangeNote,
    };
}
