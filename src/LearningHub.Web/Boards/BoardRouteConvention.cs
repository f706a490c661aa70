using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace LearningHub.Web.Boards;

/// <summary>
/// Puts every page under its board: <c>Pages/Account/Register</c> answers at <c>/{board}/account/register</c>.
/// Only pages in <c>Pages/Site/</c> (the board list, error pages) live outside any board.
/// <para>
/// The literal parts of every address are lower-cased here (<c>Pages/Manage/Media/Index</c> answers
/// at <c>/{board}/manage/media</c>), so generated links are lower-case without routing's
/// <c>LowercaseUrls</c>, which would also lower-case the values put into a link: a booking reference,
/// certificate code or calendar secret must come back exactly as it was given.
/// </para>
/// </summary>
public sealed class BoardRouteConvention : IPageRouteModelConvention
{
    public const string RouteKey = "board";

    public void Apply(PageRouteModel model)
    {
        var underBoard = !model.ViewEnginePath.StartsWith("/Site/", StringComparison.Ordinal);
        foreach (var selector in model.Selectors)
        {
            if (selector.AttributeRouteModel is not { } route)
            {
                continue;
            }

            // Changed in place, so Razor Pages' own flags (an Index page's second, link-suppressed
            // "…/index" address) stay as they were.
            var template = LowerLiterals(route.Template ?? "");
            route.Template = underBoard ? AttributeRouteModel.CombineTemplates("{" + RouteKey + "}", template) : template;
        }
    }

    /// <summary>Lower-cases a route template outside its <c>{parameters}</c>: <c>Events/{Id}</c> becomes <c>events/{Id}</c>.</summary>
    internal static string LowerLiterals(string template)
    {
        var result = new System.Text.StringBuilder(template.Length);
        var depth = 0;
        foreach (var c in template)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            result.Append(depth == 0 && c != '}' ? char.ToLowerInvariant(c) : c);
        }

        return result.ToString();
    }
}
