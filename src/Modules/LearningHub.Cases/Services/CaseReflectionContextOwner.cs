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

    /// <summary>"{module}: {section}", from the newest version that has the section.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> contexts, CancellationToken cancellationToken = default)
    {
        var wanted = contexts.Select(c => c.Split(':')).Where(p => p.Length == 3 && Guid.TryParse(p[2], out _))
            .Select(p => (Slug: p[1], Key: Guid.Parse(p[2]))).ToList();
        var slugs = wanted.Select(w => w.Slug).Distinct().ToList();
        var keys = wanted.Select(w => w.Key).Distinct().ToList();
        var sections = await db.Set<CaseSection>().AsNoTracking()
            .Where(s => keys.Contains(s.Key))
            .Join(db.Set<CaseModuleVersion>(), s => s.VersionId, v => v.Id, (s, v) => new { s.Key, Section = s.Title, v.ModuleId, v.Number, Module = v.Title })
            .Join(db.Set<CaseModule>().Where(m => slugs.Contains(m.Slug)), x => x.ModuleId, m => m.Id, (x, m) => new { m.Slug, x.Key, x.Section, x.Number, x.Module })
            .ToListAsync(cancellationToken);
        return sections.GroupBy(s => CaseReflection.Context(s.Slug, s.Key))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.Number) is { } newest ? $"{newest.Module}: {newest.Section}" : g.Key);
    }
}
