using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Mvc.Razor;

namespace LearningHub.Web.Boards;

/// <summary>
/// Lets a board's theme override a shared view: <c>_Footer</c> is looked for first at
/// <c>/Themes/{Theme}/_Footer.cshtml</c> (in the theme's assembly), then in the base theme.
/// </summary>
public sealed class ThemeViewLocationExpander : IViewLocationExpander
{
    private const string ThemeKey = "theme";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        var board = context.ActionContext.HttpContext.RequestServices.GetRequiredService<BoardContext>().Current;
        context.Values[ThemeKey] = board?.ThemeName;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        return context.Values.TryGetValue(ThemeKey, out var theme) && !string.IsNullOrEmpty(theme)
            ? viewLocations.Prepend($"/Themes/{theme}/{{0}}.cshtml")
            : viewLocations;
    }
}
