using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Events.Pages.Events;

/// <summary>Everything I have booked or am waiting for, upcoming first, then past and ended.</summary>
[Authorize]
public sealed class MyBookingsModel(LearningHubDbContext db, TimeProvider clock) : BoardPageModel
{
    public sealed record Row(string Reference, string Title, DateTime StartUtc, DateTime EndUtc, BookingStatus Status, bool Upcoming);

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];

    public IReadOnlyList<Row> Past { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<Booking>().AsNoTracking().Where(b => b.UserId == userId)
            .Join(db.Set<LearningEvent>().AsNoTracking(), b => b.EventId, e => e.Id, (b, e) => new { b.Reference, e.Title, e.StartUtc, e.EndUtc, b.Status })
            .ToListAsync();
        var all = rows.Select(r => new Row(r.Reference, r.Title, r.StartUtc, r.EndUtc, r.Status, r.EndUtc > now)).ToList();
        Upcoming = all.Where(r => r.Upcoming && r.Status is not (BookingStatus.Cancelled or BookingStatus.OfferExpired or BookingStatus.Declined))
            .OrderBy(r => r.StartUtc).ToList();
        Past = all.Except(Upcoming).OrderByDescending(r => r.StartUtc).ToList();
    }
}
