using LearningHub.Core.Pages;
using LearningHub.Core.Privacy;
using LearningHub.Core.Security;
using LearningHub.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Web.Pages.Admin.People;

/// <summary>
/// A board administrator's copy of a person's data, made on the person's request (a subject access request).
/// Viewing and downloading are both audited; another board's account is not found.
/// </summary>
[Authorize(Policy = CorePermissions.ManageAccounts)]
public sealed class DataModel(PersonalDataRights rights) : BoardPageModel
{
    public string Id { get; private set; } = "";

    public PersonalDataExport Export { get; private set; } = null!;

    public string? GeneratedOn => PersonalDataText.Time(Export.GeneratedUtc);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await rights.CopyAsync(id, "html", cancellationToken) is not { } export)
        {
            return NotFound();
        }

        Id = id;
        Export = export;
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(string id, CancellationToken cancellationToken)
    {
        if (await rights.CopyAsync(id, "json", cancellationToken) is not { } export)
        {
            return NotFound();
        }

        return PersonalDataFile.For(Response, export, Board.Slug);
    }
}
