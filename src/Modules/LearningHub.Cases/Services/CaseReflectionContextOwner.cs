using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Forms.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>
/// Who may answer a section's reflective questions (<c>case-module:{slug}:{section}</c>, <see cref="CaseReflection"/>):
/// people doing the module (they have opened it), for a form attached to that section.
/// </summary>
public sealed class CaseReflectionContextOwner(LearningHubDbContext db, IFormFilling forms) : IFormContextOwner
{
    public string Kind => CaseReflection.ContextKind;

    public async Task<bool> MayAnswerAsync(FormInfo form, string context, string userId, CancellationToken cancellationToken = default)
    {
        var parts = context.Split(':');
        if (parts.Length != 3 || !(await forms.FormsForContextAsync(context, cancellationToken: cancellationToken)).Any(f => f.Id == form.Id))
        {
            return false;
        }

        var slug = parts[1];
        return await db.Set<CaseProgress>().AnyAsync(
            p => p.UserId == userId && db.Set<CaseModule>().Any(m => m.Id == p.ModuleId && m.Slug == slug), cancellationToken);
    }
}
