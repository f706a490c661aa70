using System.Text.RegularExpressions;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Cases.Pages.Author;

/// <summary>Create a module: its details first; sections and the rest are added on the module's page.</summary>
[Authorize(Policy = CasesPermissions.Author)]
public sealed partial class NewModel(CaseWorkflow workflow, CaseCatalogue catalogue) : CasesPageModel
{
    [BindProperty]
    public ModuleDetailsInput Input { get; set; } = new();

    public DetailsFieldsView Fields { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var publishedOn = Input.Validate(ModelState, nameof(Input), Fields.Themes, Fields.Topics);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var slug = Slugify(Input.Title!);
        try
        {
            var module = await workflow.CreateAsync(Actor, slug, version =>
            {
                Input.ApplyTo(version, publishedOn);
                version.Themes = Input.Themes.Distinct().Select(id => new CaseVersionTheme { VersionId = version.Id, ThemeId = id }).ToList();
                version.Topics = Input.Topics.Distinct().Select(id => new CaseVersionTopic { VersionId = version.Id, TopicId = id }).ToList();
            }, cancellationToken);
            return RedirectToPage("/Author/Module", new { id = module.Id });
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError("Input.Title", $"{e.Message}: choose a different title");
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Fields = new DetailsFieldsView(Input, await catalogue.ThemesAsync(cancellationToken), await catalogue.TopicsAsync(cancellationToken), false);

    public static string Slugify(string title)
    {
        var slug = NonWord().Replace(title.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 100 ? slug[..100].TrimEnd('-') : slug.Length == 0 ? "module" : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
