using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Taxonomies;
using LearningHub.Core.Validation;
using LearningHub.Media.Domain;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningHub.Media.Pages.Manage.Resources;

/// <summary>The fields a resource is added or changed with, shared by the add and change pages.</summary>
public sealed class ResourceInput
{
    public const string FileField = "Input.File";

    [Display(Order = 1)]
    public IFormFile? File { get; set; }

    [Display(Order = 2)]
    [Required(ErrorMessage = "Enter a title")]
    [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [Display(Order = 3)]
    [Required(ErrorMessage = "Enter a description")]
    [StringLength(2000, ErrorMessage = "The description must be 2,000 characters or fewer")]
    public string? Description { get; set; }

    [Display(Order = 4)]
    public DateInput PublishedOn { get; set; } = new();

    [Display(Order = 5)]
    public List<Guid> ThemeIds { get; set; } = [];

    public static ResourceInput From(Resource resource) => new()
    {
        Title = resource.Title,
        Description = resource.Description,
        PublishedOn = DateInput.Of(resource.PublishedOn),
        ThemeIds = resource.Themes.Select(t => t.ThemeId).ToList(),
    };

    /// <summary>The details, or null with the errors added (the date is read here; the rest by the attributes).</summary>
    public ResourceDetails? Read(ModelStateDictionary errors, string? linkPath)
    {
        var date = PublishedOn.Read(errors, "Input.PublishedOn", "the date of the document");
        return errors.IsValid ? new ResourceDetails(Title!.Trim(), Description!.Trim(), date, ThemeIds.Distinct().ToList(), linkPath) : null;
    }
}

/// <summary>What the add and change pages show beside the fields.</summary>
public interface IResourceFormPage
{
    ResourceInput Input { get; }

    IReadOnlyList<TermChoice> Themes { get; }

    string FileHint { get; }
}
