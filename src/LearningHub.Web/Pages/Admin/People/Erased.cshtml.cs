using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace LearningHub.Web.Pages.Admin.People;

/// <summary>The confirmation after an administrator erased an account.</summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class ErasedModel : BoardPageModel
{
    public void OnGet()
    {
    }
}
