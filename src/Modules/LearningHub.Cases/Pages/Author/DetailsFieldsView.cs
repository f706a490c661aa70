using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using Microsoft.AspNetCore.Mvc.Rendering;
using LearningHub.Core.Taxonomies;

namespace LearningHub.Cases.Pages.Author;

/// <summary>What the shared details fields partial needs.</summary>
public sealed record DetailsFieldsView(ModuleDetailsInput Input, IReadOnlyList<TermChoice> Themes, IReadOnlyList<TermChoice> Topics, bool ShowChangeNote)
{
    public IReadOnlyList<SelectListItem> ReviewTypes { get; } =
        Enum.GetValues<ReviewType>().Select(t => new SelectListItem(CaseText.Of(t), t.ToString())).ToList();
}
