using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace LearningHub.Web.Boards;

/// <summary>
/// Puts every page under its board: <c>Pages/Account/Register</c> answers at <c>/{board}/account/register</c>.
/// Only pages in <c>Pages/Site/</c> (the board list, error pages) live outside any board.
/// </summary>
public sealed class BoardRouteConvention : IPageRouteModelConvention
{
    public const string RouteKey = "board";

    public void Apply(PageRouteModel model)
    {
        if (model.ViewEnginePath.StartsWith("/Site/", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template ?? "";
            selector.AttributeRouteModel = new AttributeRouteModel
            {
                Template = AttributeRouteModel.CombineTemplates("{" + RouteKey + "}", template),
            };
        }
    }
}
