using LearningHub.Core.Pages;
using LearningHub.Web.Accounts;

namespace LearningHub.Web.Pages.Account;

/// <summary>Where someone lands after deleting their account (signed out by then, so open to anyone).</summary>
[AllowIncompleteProfile]
public sealed class DeletedModel : BoardPageModel
{
    public void OnGet()
    {
    }
}
