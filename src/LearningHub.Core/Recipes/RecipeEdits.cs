namespace LearningHub.Core.Recipes;

/// <summary>
/// Something a recipe sets up and a board may then change on its own pages (its settings, a page, a resource).
/// The pages set <see cref="EditedSinceRecipeUtc"/> when they save; the recipe step clears it when it writes.
/// </summary>
public interface IEditedSinceRecipe
{
    /// <summary>When the board last changed it on its pages; null when the recipe last set it (or nobody changed it since).</summary>
    DateTime? EditedSinceRecipeUtc { get; set; }
}

/// <summary>
/// The one rule for a recipe applied again: what the board has edited since the recipe set it is left alone,
/// unless the recipe step says <c>"overwriteEdits": true</c>. A board's own changes are its decisions; a recipe is
/// how a board starts, not a reset button pressed by whoever deploys.
/// </summary>
public static class RecipeEdits
{
    public const string OverwriteField = "overwriteEdits";

    /// <summary>Whether the step may write the row's board-editable fields.</summary>
    public static bool MayWrite(IEditedSinceRecipe row, RecipeElement step) =>
        row.EditedSinceRecipeUtc is null || step.OptionalBool(OverwriteField) == true;

    /// <summary>Marks the row as the recipe's again, once the step has written it.</summary>
    public static void Written(IEditedSinceRecipe row) => row.EditedSinceRecipeUtc = null;
}
