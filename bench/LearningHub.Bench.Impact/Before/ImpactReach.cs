// The Impact services as they were at 651ec93, before the benchmark (issue 18, acceptance 5) pushed their work into SQL.
// Kept only so one run of the benchmark times both and checks that both give the same tables; delete when that is no longer wanted.
using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.EntityFrameworkCore;

using LearningHub.Impact.Services;

namespace LearningHub.Bench.Impact.Before;

/// <summary>
/// Reach: the different people who completed a case module (Cases' completions) or attended an event (Events'
/// register), by agency, sector and locality, and as a share of each agency's recorded workforce. A person is
/// counted once however many pieces of learning they did: by their account, or, for a walk-in without one, by the
/// email they gave. People are placed by their account's agency and locality as they are now; a walk-in by what
/// they gave at the door.
/// </summary>
internal sealed class ImpactReach(LearningHubDbContext db)
{
    public const string NoAgency = "Agency not given";
    public const string NoSector = "Sector not given";
    public const string NoLocality = "Locality not given";

    private sealed record Person(Guid? AgencyId, string? AgencyName, Sector? Sector, string? LocalityName);

    public async Task<ReachFigures> ForAsync(ImpactScope scope, CancellationToken cancellationToken = default)
    {
        var people = new Dictionary<string, Person?>(StringComparer.Ordinal);

        foreach (var userId in await CompletersAsync(scope, cancellationToken))
        {
            people.TryAdd(userId, null);
        }

        foreach (var attendee in await AttendeesAsync(scope, cancellationToken))
        {
            if (attendee.UserId is { } userId)
            {
                people.TryAdd(userId, null);
            }
            else
            {
                people.TryAdd($"email:{attendee.Email.Trim().ToLowerInvariant()}",
                    new Person(null, attendee.AgencyName, attendee.Sector, attendee.LocalityName));
            }
        }

        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Sector, a.Workforce }).ToListAsync(cancellationToken);
        var localities = await db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var accountIds = people.Where(p => p.Value is null).Select(p => p.Key).ToList();
        var accounts = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var chunk in accountIds.Chunk(500))
        {
            var rows = await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.AgencyId, u.LocalityId }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var agency = agencies.FirstOrDefault(a => a.Id == row.AgencyId);
                accounts[row.Id] = new Person(agency?.Id, agency?.Name, agency?.Sector,
                    row.LocalityId is { } l ? localities.GetValueOrDefault(l) : null);
            }
        }

        // Erased accounts ("removed:" progress) and accounts since deleted still count as reached, without an agency.
        var everyone = people.Select(p => p.Value ?? accounts.GetValueOrDefault(p.Key) ?? new Person(null, null, null, null))
            .Select(p => p.AgencyId is null && p.AgencyName is not null && agencies.FirstOrDefault(a => a.Name == p.AgencyName) is { } named
                ? p with { AgencyId = named.Id, Sector = p.Sector ?? named.Sector }
                : p)
            .ToList();
        if (scope.AgencyId is { } only)
        {
            everyone = everyone.Where(p => p.AgencyId == only).ToList();
            agencies = agencies.Where(a => a.Id == only).ToList();
        }

        var byAgency = agencies
            .Select(a => new ReachGroup(a.Name, everyone.Count(p => p.AgencyId == a.Id), a.Workforce))
            .ToList();
        var unplaced = everyone.Count(p => p.AgencyId is null);
        if (unplaced > 0)
        {
            byAgency.Add(new ReachGroup(NoAgency, unplaced, null));
        }

        var bySector = everyone.GroupBy(p => p.Sector)
            .Select(g =>
            {
                var workforces = agencies.Where(a => g.Key is not null && a.Sector == g.Key && a.Workforce is not null).Select(a => a.Workforce!.Value).ToList();
                return new ReachGroup(g.Key?.DisplayName() ?? NoSector, g.Count(), workforces.Count == 0 ? null : workforces.Sum());
            })
            .OrderBy(r => r.Group == NoSector).ThenBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
        var byLocality = everyone.GroupBy(p => p.LocalityName ?? NoLocality)
            .Select(g => new ReachGroup(g.Key, g.Count(), null))
            .OrderBy(r => r.Group == NoLocality).ThenBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
        return new ReachFigures(everyone.Count, byAgency, bySector, byLocality);
    }

    /// <summary>The module keys in scope: a recommendation's module, the module asked for; none for one event; every module for a period.</summary>
    private IQueryable<CaseModule> Modules(ImpactScope scope)
    {
        var modules = db.Set<CaseModule>().AsNoTracking();
        if (scope.Recommendation is { } recommendation)
        {
            return modules.Where(m => m.Slug == recommendation.ModuleKey);
        }

        if (scope.ModuleKey is { } key)
        {
            return modules.Where(m => m.Slug == key);
        }

        return scope.EventId is null ? modules : modules.Where(_ => false);
    }

    private async Task<List<string>> CompletersAsync(ImpactScope scope, CancellationToken cancellationToken)
    {
        var moduleIds = Modules(scope).Select(m => m.Id);
        var query = db.Set<CaseProgress>().AsNoTracking().Where(p => p.CompletedUtc != null && moduleIds.Contains(p.ModuleId));
        if (scope.FromUtc is { } from)
        {
            query = query.Where(p => p.CompletedUtc >= from);
        }

        if (scope.ToUtc is { } to)
        {
            query = query.Where(p => p.CompletedUtc < to);
        }

        return await query.Select(p => p.UserId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>The events in scope: those linked to the recommendation or module, the one event, or all held in the period.</summary>
    internal IQueryable<LearningEvent> Events(ImpactScope scope)
    {
        var events = db.Set<LearningEvent>().AsNoTracking().IgnoreAutoIncludes().Where(e => e.Status != EventStatus.Draft);
        if (scope.Recommendation is { } recommendation)
        {
            events = events.Where(e => e.Links.Any(l => l.ModuleKey == recommendation.ModuleKey && l.RecommendationNumber == recommendation.Number));
        }
        else if (scope.ModuleKey is { } key)
        {
            events = events.Where(e => e.Links.Any(l => l.ModuleKey == key));
        }
        else if (scope.EventId is { } id)
        {
            events = events.Where(e => e.Id == id);
        }

        if (scope.FromUtc is { } from)
        {
            events = events.Where(e => e.StartUtc >= from);
        }

        if (scope.ToUtc is { } to)
        {
            events = events.Where(e => e.StartUtc < to);
        }

        return events;
    }

    private sealed record Attendee(string? UserId, string Email, string? AgencyName, Sector? Sector, string? LocalityName);

    private async Task<List<Attendee>> AttendeesAsync(ImpactScope scope, CancellationToken cancellationToken)
    {
        var eventIds = Events(scope).Select(e => e.Id);
        var came = ReachReport.CameMarks;
        return await db.Set<Booking>().AsNoTracking()
            .Where(b => eventIds.Contains(b.EventId) && b.Attendance != null && came.Contains(b.Attendance.Value))
            .Select(b => new Attendee(b.UserId, b.Email, b.AgencyName, b.Sector, b.LocalityName))
            .ToListAsync(cancellationToken);
    }
}
