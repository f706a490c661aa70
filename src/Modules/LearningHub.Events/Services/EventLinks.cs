using LearningHub.Core.Boards;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LearningHub.Events.Services;

/// <summary>Absolute links for mail and calendar files: the request's own host, or the configured public address.</summary>
public sealed class EventLinks(IHttpContextAccessor http, IOptions<EventsOptions> options, BoardContext boards)
{
    public string BaseUrl
    {
        get
        {
            if (options.Value.PublicBaseUrl is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }

            return http.HttpContext?.Request is { } request
                ? $"{request.Scheme}://{request.Host}"
                : "http://localhost:5080";
        }
    }

    /// <summary>An absolute address for a path under the current board, e.g. <c>events/bookings/NSCB-7Q4K2</c>.</summary>
    public string For(string boardPath) => $"{BaseUrl}/{boards.Required.Slug}/{boardPath.TrimStart('/')}";

    public string Booking(string reference) => For($"events/bookings/{reference}");

    public string Event(Guid eventId) => For($"events/{eventId}");
}
