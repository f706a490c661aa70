using LearningHub.Core.Taxonomies;
using LearningHub.Core.Recipes;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Recipes.Steps;

/// <summary>
/// <c>{ "step": "taxonomies", "themes": [...], "topics": [...], "agencies": [...], "localities": [...] }</c>.
/// Each item has a stable <c>key</c>; items are added or updated by key and never deleted here, because
/// people and content may already refer to them. List order becomes display order. An agency has a <c>sector</c> and
/// may have a <c>workforce</c>: roughly how many practitioners it has, which reach is compared with.
/// </summary>
public sealed class TaxonomiesStep : IRecipeStepHandler
{
    public string StepName => "taxonomies";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var step = context.Step;
        await UpsertAsync(db.LearningThemes, step.Objects("themes"), (theme, item) => theme.Description = item.OptionalString("description"), cancellationToken);
        await UpsertAsync(db.Topics, step.Objects("topics"), (_, _) => { }, cancellationToken);
        await UpsertAsync(db.Agencies, step.Objects("agencies"), (agency, item) =>
        {
            agency.Sector = item.Enum<Sector>("sector");
            // Only a recipe that gives a figure sets it, so one recorded on the admin page is not wiped by re-applying.
            agency.Workforce = item.OptionalInt("workforce", 1, 1_000_000) ?? agency.Workforce;
        }, cancellationToken);
        await UpsertAsync(db.Localities, step.Objects("localities"), (_, _) => { }, cancellationToken);
    }

    private static async Task UpsertAsync<T>(DbSet<T> set, IReadOnlyList<RecipeElement> items, Action<T, RecipeElement> apply,
        CancellationToken cancellationToken) where T : TaxonomyTerm, new()
    {
        if (items.Count == 0)
        {
            return;
        }

        var existing = await set.ToDictionaryAsync(t => t.Key, StringComparer.Ordinal, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var key = item.Key();
            if (!seen.Add(key))
            {
                throw item.Fail("key", $"'{key}' appears more than once in this list.");
            }

            if (!existing.TryGetValue(key, out var term))
            {
                term = new T { Key = key };
                set.Add(term);
            }

            term.Name = item.String("name", 200);
            term.SortOrder = i;
            apply(term, item);
        }
    }
}
