using LearningHub.Core.Boards;
using LearningHub.Core.Themes;
using LearningHub.Core.Recipes;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Recipes.Steps;

/// <summary>
/// <c>{ "step": "theme", "name": "Norfolk", "logoText", "footerText" }</c>: dresses the board. The footer text is
/// also on the board's settings page: applied again, it is left as the board edited it unless the step says
/// <c>"overwriteEdits": true</c> (<see cref="RecipeEdits"/>).
/// </summary>
public sealed class ThemeStep : IRecipeStepHandler
{
    public string StepName => "theme";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var name = step.String("name", 60);
        var themes = context.Services.GetServices<IBoardTheme>().Select(t => t.Name).ToList();
        if (!themes.Contains(name, StringComparer.Ordinal))
        {
            throw step.Fail("name", $"'{name}' is not an installed theme. Installed themes: {string.Join(", ", themes)}.");
        }

        var boardId = context.Boards.Required.Id;
        var board = await context.Db.Boards.SingleAsync(b => b.Id == boardId, cancellationToken);
        board.ThemeName = name;
        board.LogoText = step.OptionalString("logoText", 60);
        var footerText = step.OptionalString("footerText");
        if (RecipeEdits.MayWrite(board, step))
        {
            board.FooterText = footerText;
        }
        context.Boards.Use(BoardInfo.From(board));
    }
}
