using System.ComponentModel.DataAnnotations;
using LearningHub.Content.Domain;
using LearningHub.Content.Services;
using LearningHub.Core.Learning;
using LearningHub.Core.Markdown;
using LearningHub.Core.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Content.Pages.Manage;

/// <summary>The home page's introduction and which modules and events it features (the latest, chosen ones, or none).</summary>
[Authorize(Policy = ContentPermissions.ManagePages)]
public sealed class HomeModel(HomePageContent content) : BoardPageModel
{
    public static readonly string TooMany = $"Choose up to {HomePageContent.FeaturedCount}";

    [BindProperty]
    public HomeInput Input { get; set; } = new();

    public IReadOnlyList<FeaturedItem> Modules { get; private set; } = [];

    public IReadOnlyList<FeaturedItem> Events { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var blocks = await content.BlocksAsync(cancellationToken);
        Input = new HomeInput
        {
            Introduction = blocks.Introduction,
            Modules = blocks.Modules,
            ChosenModules = HomePageBlocks.Lines(blocks.ChosenModules).ToList(),
            Events = blocks.Events,
            ChosenEvents = HomePageBlocks.Lines(blocks.ChosenEvents).ToList(),
        };
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // Only items offered count: anything else posted (another board's, a made-up key) is dropped.
        Input.ChosenModules = Input.ChosenModules.Where(k => Modules.Any(m => m.Key == k)).Distinct().ToList();
        Input.ChosenEvents = Input.ChosenEvents.Where(k => Events.Any(e => e.Key == k)).Distinct().ToList();
        if (Input.Modules == FeatureChoice.Chosen && Input.ChosenModules.Count is 0 or > HomePageContent.FeaturedCount)
        {
            ModelState.AddModelError("Input.ChosenModules", Input.ChosenModules.Count == 0 ? "Choose the modules to feature, or choose another option" : TooMany);
        }

        if (Input.Events == FeatureChoice.Chosen && Input.ChosenEvents.Count is 0 or > HomePageContent.FeaturedCount)
        {
            ModelState.AddModelError("Input.ChosenEvents", Input.ChosenEvents.Count == 0 ? "Choose the events to feature, or choose another option" : TooMany);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var blocks = await content.BlocksAsync(cancellationToken);
        var before = new { blocks.Introduction, blocks.Modules, blocks.ChosenModules, blocks.Events, blocks.ChosenEvents };
        blocks.Introduction = string.IsNullOrWhiteSpace(Input.Introduction) ? null : Input.Introduction;
        blocks.Modules = Input.Modules;
        blocks.ChosenModules = Input.Modules == FeatureChoice.Chosen ? string.Join('\n', Input.ChosenModules) : "";
        blocks.Events = Input.Events;
        blocks.ChosenEvents = Input.Events == FeatureChoice.Chosen ? string.Join('\n', Input.ChosenEvents) : "";
        await content.SaveBlocksAsync(blocks, "changed", new
        {
            From = before,
            To = new { blocks.Introduction, blocks.Modules, blocks.ChosenModules, blocks.Events, blocks.ChosenEvents },
        }, cancellationToken);
        return RedirectToPage("/Manage/Home", new { saved = true });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Modules = await content.AvailableAsync("modules", cancellationToken);
        Events = await content.AvailableAsync("events", cancellationToken);
    }

    public sealed class HomeInput
    {
        [Display(Order = 1)]
        [StringLength(5000, ErrorMessage = "The introduction must be 5,000 characters or fewer")]
        [RenderableMarkdown]
        public string? Introduction { get; set; }

        [Display(Order = 2)]
        public FeatureChoice Modules { get; set; }

        [Display(Order = 3)]
        public List<string> ChosenModules { get; set; } = [];

        [Display(Order = 4)]
        public FeatureChoice Events { get; set; }

        [Display(Order = 5)]
        public List<string> ChosenEvents { get; set; } = [];
    }
}

/// <summary>What the partial <c>_FeatureChoice</c> shows for one featured block.</summary>
public sealed record FeatureChoiceView(string Legend, string LatestText, string ChoiceField, FeatureChoice Choice, string ChosenField,
    IReadOnlyList<string> Chosen, IReadOnlyList<FeaturedItem> Items);
