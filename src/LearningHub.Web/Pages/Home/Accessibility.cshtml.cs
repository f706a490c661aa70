using LearningHub.Core.Pages;

namespace LearningHub.Web.Pages.Home;

public sealed class AccessibilityModel : BoardPageModel
{
}
