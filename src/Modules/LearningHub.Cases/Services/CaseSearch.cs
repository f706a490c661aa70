using System.Text;
using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Cases.Services;

/// <summary>
/// Full-text search over versions' <see cref="CaseModuleVersion.SearchText"/>: SQLite's FTS5 index
/// <c>CaseModuleSearch</c> (kept in step by triggers, made in the Cases migration) or PostgreSQL's
/// <c>to_tsvector</c> with its GIN index. Both stem English words, so "interpreters" finds "interpreter".
/// </summary>
public static class CaseSearch
{
    public static string TextOf(CaseModuleVersion version)
    {
        var text = new StringBuilder();
        void Add(string? part)
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                text.AppendLine(part);
            }
        }

        Add(version.Title);
        Add(version.Summary);
        foreach (var section in version.Sections.OrderBy(s => s.Position))
        {
            Add(section.Title);
            Add(section.Body);
        }

        version.Chronology.ForEach(c => Add($"{c.When} {c.What} {c.Agencies}"));
        version.Findings.ForEach(f => Add(f.Text));
        version.Recommendations.ForEach(r => Add(r.Text));
        Add(version.BoardResponse);
        return text.ToString();
    }

    /// <summary>Versions whose text matches every word of <paramref name="query"/> (board filter still applies).</summary>
    public static IQueryable<CaseModuleVersion> Matching(LearningHubDbContext db, string query)
    {
        var words = Words(query);
        if (words.Count == 0)
        {
            return db.Set<CaseModuleVersion>();
        }

        if (db.Database.IsNpgsql())
        {
            var tsQuery = string.Join(" & ", words.Select(w => w + ":*"));
            return db.Set<CaseModuleVersion>().FromSql(
                $"SELECT * FROM \"CaseModuleVersions\" WHERE to_tsvector('english', \"SearchText\") @@ to_tsquery('english', {tsQuery})");
        }

        // FTS5 syntax: each word quoted (so no operator can be injected) and matched as a prefix.
        var match = string.Join(" ", words.Select(w => $"\"{w}\"*"));
        return db.Set<CaseModuleVersion>().FromSql(
            $"SELECT * FROM \"CaseModuleVersions\" WHERE rowid IN (SELECT rowid FROM \"CaseModuleSearch\" WHERE \"CaseModuleSearch\" MATCH {match})");
    }

    /// <summary>Letters and digits only: punctuation never reaches the search syntax.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        new string((query ?? "").Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant())
            .Where(w => w.Length > 1)
            .Distinct()
            .Take(8)
            .ToList();
}
