using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Forms.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Pages.Admin.Forms;

/// <summary>The board's forms, with how many have answered each.</summary>
[Authorize(Policy = FormsPermissions.Manage)]
public sealed class IndexModel(LearningHubDbContext db) : BoardPageModel
{
    public sealed record Row(Guid Id, string Title, string Key, FormPurpose Purpose, bool IsAnonymous, int Version, int Answers);

    public IReadOnlyList<Row> Forms { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Forms = await db.Set<Form>().AsNoTracking().OrderBy(f => f.Title)
            .Select(f => new Row(f.Id, f.Title, f.Key, f.Purpose, f.IsAnonymous, f.CurrentVersion,
                db.Set<FormSubmission>().Count(s => s.FormId == f.Id && s.SubmittedUtc != null)))
            .ToListAsync();
    }
}
