using LearningHub.Core.Data;
using LearningHub.Forms.Domain;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Services;

/// <summary>A form another module may offer as a choice (an event's evaluation form).</summary>
public sealed record FormChoice(string Key, string Title, FormPurpose Purpose);

/// <summary>The board's forms by purpose, for other modules' pickers and defaults (Events' baseline, evaluation and follow-up).</summary>
public sealed class FormChoices(LearningHubDbContext db)
{
    /// <summary>The board's forms of the purposes asked, by title.</summary>
    public async Task<IReadOnlyList<FormChoice>> ListAsync(IReadOnlyCollection<FormPurpose> purposes, CancellationToken cancellationToken = default) =>
        await db.Set<Form>().AsNoTracking().Where(f => purposes.Contains(f.Purpose)).OrderBy(f => f.Title)
            .Select(f => new FormChoice(f.Key, f.Title, f.Purpose)).ToListAsync(cancellationToken);

    /// <summary>
    /// The form a new event asks for <paramref name="purpose"/> unless its coordinator chooses otherwise:
    /// the board's only form of that purpose, or the first by key when there are several; null when none.
    /// </summary>
    public Task<string?> DefaultAsync(FormPurpose purpose, CancellationToken cancellationToken = default) =>
        db.Set<Form>().AsNoTracking().Where(f => f.Purpose == purpose).OrderBy(f => f.Key).Select(f => f.Key).FirstOrDefaultAsync(cancellationToken);
}
