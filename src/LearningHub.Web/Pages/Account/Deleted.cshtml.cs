using LearningHub.Core.Pages;

namespace LearningHub.Web.Pages.Account;

/// <summary>Where someone lands after deleting their account (signed out by then, so open to anyone).</summary>
public sealed class DeletedModel : BoardPageModel
{
    public void OnGet()
    {
    }
}
