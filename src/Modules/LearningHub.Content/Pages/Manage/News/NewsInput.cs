using System.ComponentModel.DataAnnotations;
using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Markdown;
using LearningHub.Core.Pages;
using LearningHub.Core.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningHub.Content.Pages.Manage.News;

/// <summary>What an editor types for a news item, with its checks.</summary>
public sealed class NewsInput
{
    [Display(Order = 1)]
    [Required(ErrorMessage = "Enter a title")]
    [StringLength(200, ErrorMessage = "Title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [Display(Order = 2)]
    public DateInput Date { get; set; } = new();

    [Display(Order = 3)]
    [Required(ErrorMessage = "Enter the news")]
    [StringLength(5000, ErrorMessage = "The news must be 5,000 characters or fewer")]
    [RenderableMarkdown]
    public string? Text { get; set; }

    [Display(Order = 4)]
    public DateInput ExpiresOn { get; set; } = new();

    public static NewsInput Of(NewsItem item) => new()
    {
        Title = item.Title,
        Date = DateInput.Of(item.Date),
        Text = item.Text,
        ExpiresOn = DateInput.Of(item.ExpiresOn),
    };

    public NewsWords? Validate(ModelStateDictionary modelState)
    {
        var date = Date.Read(modelState, "Input.Date", "the date of the news");
        var expires = ExpiresOn.Read(modelState, "Input.ExpiresOn", "the date to stop showing it", required: false);
        if (date is { } d && expires is { } e && e < d)
        {
            modelState.AddModelError("Input.ExpiresOn", "The date to stop showing it must be the same as or after the date of the news");
        }

        return modelState.IsValid ? new NewsWords(Title!.Trim(), date!.Value, Text!, expires) : null;
    }
}

/// <summary>The add and change pages of a news item.</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public abstract class NewsFormModel : BoardPageModel
{
    [BindProperty]
    public NewsInput Input { get; set; } = new();
}
