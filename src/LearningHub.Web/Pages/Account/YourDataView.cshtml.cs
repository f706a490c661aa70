using LearningHub.Core.Accounts;
using LearningHub.Core.Pages;
using LearningHub.Core.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using LearningHub.Web.Accounts;

namespace LearningHub.Web.Pages.Account;

/// <summary>The readable copy of the signed-in person's data; viewing it is recorded like a download.</summary>
[Authorize]
[AllowIncompleteProfile]
public sealed class YourDataViewModel(UserManager<ApplicationUser> users, PersonalDataRights rights) : BoardPageModel
{
    public PersonalDataExport Export { get; private set; } = null!;

    public string? GeneratedOn => PersonalDataText.Time(Export.GeneratedUtc);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } id || await rights.CopyAsync(id, "html", cancellationToken) is not { } export)
        {
            return Challenge();
        }

        Export = export;
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}
