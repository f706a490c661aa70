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
        if (await rights.SubjectAsync(id, cancellationToken) is not { } subject)
        {
            return NotFound();
        }

        Id = id;
        Export = await rights.ExportAsync(subject, cancellationToken);
        await rights.RecordExportAsync(subject, "html", cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(string id, CancellationToken cancellationToken)
    {
        if (await rights.SubjectAsync(id, cancellationToken) is not { } subject)
        {
            return NotFound();
        }

        var export = await rights.ExportAsync(subject, cancellationToken);
        await rights.RecordExportAsync(subject, "json", cancellationToken);
        return PersonalDataFile.For(Response, export, Board.Slug);
    }
}
