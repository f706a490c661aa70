using LearningHub.Core.Hosting;

namespace LearningHub.Web.Hosting;

/// <summary>
/// Counts every request in flight as foreground work (<see cref="ForegroundWork"/>): when there are as many as cores,
/// background work that can wait (the mail dispatcher) gives way. Counted at the door rather than inside the booking
/// decision, because a booking request spends most of its time around the decision (sign-in cookie, antiforgery, the
/// page), so 50 bookings in flight were often fewer than two decisions at once.
/// </summary>
public sealed class ForegroundRequestsMiddleware(RequestDelegate next, ForegroundWork foreground)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var inFlight = foreground.Begin();
        await next(context);
    }
}
