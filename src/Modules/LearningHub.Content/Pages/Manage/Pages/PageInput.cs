using System.ComponentModel.DataAnnotations;
using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Markdown;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningHub.Content.Pages.Manage.Pages;

/// <summary>What an author types for a page (the new-page and edit pages), with its checks.</summary>
public sealed class PageInput
{
    [Display(Order = 1)]
    [Required(ErrorMessage = "Enter a title")]
    [StringLength(200, ErrorMessage = "Title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [Display(Order = 2)]
    [Required(ErrorMessage = "Enter an address")]
    public string? Slug { get; set; }

    [Display(Order = 3)]
    [StringLength(600, ErrorMessage = "Summary must be 600 characters or fewer")]
    public string? Summary { get; set; }

    [Display(Order = 4)]
    [Required(ErrorMessage = "Enter the text of the page")]
    [StringLength(50000, ErrorMessage = "The text must be 50,000 characters or fewer")]
    [RenderableMarkdown]
    public string? Body { get; set; }

    public static PageInput Of(BoardPageVersion version) =>
        new() { Title = version.Title, Slug = version.Slug, Summary = version.Summary, Body = version.Body };

    /// <summary>Adds the checks attributes cannot make (the address's form and that it is free); the words when valid.</summary>
    public async Task<PageWords?> ValidateAsync(ModelStateDictionary modelState, string prefix, Services.BoardPages pages, Guid? pageId, CancellationToken cancellationToken)
    {
        var slug = Slug?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(slug))
        {
            if (!Services.BoardPages.IsValidSlug(slug))
            {
                modelState.AddModelError($"{prefix}.Slug", Services.BoardPages.SlugFormat);
            }
            else if (await pages.SlugTakenAsync(slug, pageId, cancellationToken))
            {
                modelState.AddModelError($"{prefix}.Slug", Services.BoardPages.SlugTaken);
            }
        }

        return modelState.IsValid ? new PageWords(slug!, Title!.Trim(), string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim(), Body!) : null;
    }
}
