using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Impact.Services;

/// <summary>
/// Reach: the different people who completed a case module (Cases' completions) or attended an event (Events'
/// register), by agency, sector and locality, and as a share of each agency's recorded workforce. A person is
/// counted once however many pieces of learning they did: by their account, or, for a walk-in without one, by the
/// email they gave. People are placed by their account's agency and locality as they are now; a walk-in by what
/// they gave at the door.
/// </summary>
public sealed class ImpactReach(LearningHubDbContext db)
{
    public const string NoAgency = "Agency not given";
    public const string NoSector = "Sector not given";
    public const string NoLocality = "Locality not given";

    private sealed record Person(Guid? AgencyId, string? AgencyName, Sector? Sector, string? LocalityName);

    /// <summary>People with an account, counted in the database by the agency and locality on their account.</summary>
    private sealed record AccountGroup(Guid? AgencyId, Guid? LocalityId, int People);

    public async Task<ReachFigures> ForAsync(ImpactScope scope, CancellationToken cancellationToken = default)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Sector, a.Workforce }).ToListAsync(cancellationToken);
        var localities = await db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);

        // Everyone with an account is counted in SQL (a board has tens of thousands of completions and attendances, and
        // loading them row by row was most of the annual-report pack's time): the different accounts that completed or
        // attended, by their account's agency and locality. Erased accounts ("removed:" progress) and accounts since
        // deleted match no account row and still count, without an agency or a locality.
        var accountIds = Completers(scope).Union(AttendingAccounts(scope));
        var accountGroups = await (
                from id in accountIds
                join u in db.Users on id equals u.Id into matched
                from u in matched.DefaultIfEmpty()
                group id by new { AgencyId = u == null ? null : u.AgencyId, LocalityId = u == null ? null : u.LocalityId } into g
                select new AccountGroup(g.Key.AgencyId, g.Key.LocalityId, g.Count()))
            .ToListAsync(cancellationToken);

        // A walk-in without an account is counted once by the email they gave, placed by what they gave at the door
        // (the first of their rows); there are few of them, so they are read row by row. A booking anonymised by
        // retention or erasure has no account and no email left: it can no longer be matched to anyone, so it counts
        // as one person (it still says which agency came), rather than every anonymised booking counting as one.
        var walkIns = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var attendee in await WalkInsAsync(scope, cancellationToken))
        {
            var email = attendee.Email.Trim().ToLowerInvariant();
            walkIns.TryAdd(email.Length > 0 ? email : $"booking:{attendee.BookingId}",
                new Person(null, attendee.AgencyName, attendee.Sector, attendee.LocalityName));
        }

        var everyone = accountGroups
            .Select(g =>
            {
                var agency = agencies.FirstOrDefault(a => a.Id == g.AgencyId);
                return (Person: new Person(agency?.Id, agency?.Name, agency?.Sector, g.LocalityId is { } l ? localities.GetValueOrDefault(l) : null), g.People);
            })
            .Concat(walkIns.Values
                .Select(p => p.AgencyName is not null && agencies.FirstOrDefault(a => a.Name == p.AgencyName) is { } named
                    ? p with { AgencyId = named.Id, Sector = p.Sector ?? named.Sector }
                    : p)
                .Select(p => (Person: p, People: 1)))
            .ToList();
        if (scope.AgencyId is { } only)
        {
            everyone = everyone.Where(p => p.Person.AgencyId == only).ToList();
            agencies = agencies.Where(a => a.Id == only).ToList();
        }

        var byAgency = agencies
            .Select(a => new ReachGroup(a.Name, everyone.Where(p => p.Person.AgencyId == a.Id).Sum(p => p.People), a.Workforce))
            .ToList();
        var unplaced = everyone.Where(p => p.Person.AgencyId is null).Sum(p => p.People);
        if (unplaced > 0)
        {
            byAgency.Add(new ReachGroup(NoAgency, unplaced, null));
        }

        var bySector = everyone.GroupBy(p => p.Person.Sector)
            .Select(g =>
            {
                var workforces = agencies.Where(a => g.Key is not null && a.Sector == g.Key && a.Workforce is not null).Select(a => a.Workforce!.Value).ToList();
                return new ReachGroup(g.Key?.DisplayName() ?? NoSector, g.Sum(p => p.People), workforces.Count == 0 ? null : workforces.Sum());
            })
            .OrderBy(r => r.Group == NoSector).ThenBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
        var byLocality = everyone.GroupBy(p => p.Person.LocalityName ?? NoLocality)
            .Select(g => new ReachGroup(g.Key, g.Sum(p => p.People), null))
            .OrderBy(r => r.Group == NoLocality).ThenBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
        return new ReachFigures(everyone.Sum(p => p.People), byAgency, bySector, byLocality);
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

    /// <summary>The accounts that completed a module in scope (in the period).</summary>
    private IQueryable<string> Completers(ImpactScope scope)
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

        return query.Select(p => p.UserId);
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

    private sealed record Attendee(Guid BookingId, string Email, string? AgencyName, Sector? Sector, string? LocalityName);

    /// <summary>The bookings in scope marked as come (attended, partly, walked in).</summary>
    private IQueryable<Booking> Came(ImpactScope scope)
    {
        var eventIds = Events(scope).Select(e => e.Id);
        var came = ReachReport.CameMarks;
        return db.Set<Booking>().AsNoTracking().Where(b => eventIds.Contains(b.EventId) && b.Attendance != null && came.Contains(b.Attendance.Value));
    }

    private IQueryable<string> AttendingAccounts(ImpactScope scope) =>
        Came(scope).Where(b => b.UserId != null).Select(b => b.UserId!);

    private async Task<List<Attendee>> WalkInsAsync(ImpactScope scope, CancellationToken cancellationToken) =>
        await Came(scope).Where(b => b.UserId == null)
            .Select(b => new Attendee(b.Id, b.Email, b.AgencyName, b.Sector, b.LocalityName))
            .ToListAsync(cancellationToken);
}
