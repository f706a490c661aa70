using LearningHub.Core.Pages;

namespace LearningHub.Web.Pages.Account;

public sealed class CheckEmailModel : BoardPageModel
{
    public void OnGet()
    {
    }
}
