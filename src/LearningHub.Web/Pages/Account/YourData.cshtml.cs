using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Core.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using LearningHub.Web.Accounts;

namespace LearningHub.Web.Pages.Account;

/// <summary>The signed-in person's rights over their data: a copy (page or JSON file) and deleting the account.</summary>
[Authorize]
[AllowIncompleteProfile]
public sealed class YourDataModel(UserManager<ApplicationUser> users, PersonalDataRights rights) : BoardPageModel
{
    public void OnGet()
    {
    }

    /// <summary>A POST, so a link prefetch cannot download personal data or write an audit entry.</summary>
    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } id || await rights.CopyAsync(id, "json", cancellationToken) is not { } export)
        {
            return Challenge();
        }

        return PersonalDataFile.For(Response, export, Board.Slug);
    }
}

/// <summary>The JSON copy as a file download that no cache keeps.</summary>
public static class PersonalDataFile
{
    public static FileContentResult For(HttpResponse response, PersonalDataExport export, string boardSlug)
    {
        response.Headers.CacheControl = "private, no-store";
        return new FileContentResult(export.ToJson(), "application/json")
        {
            FileDownloadName = $"{boardSlug}-personal-data-{export.GeneratedUtc:yyyy-MM-dd}.json",
        };
    }
}
