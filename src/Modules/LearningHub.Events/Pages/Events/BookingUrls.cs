using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Events.Pages.Events;

/// <summary>
/// Paths to a booking's pages (<c>/{board}/events/bookings/{reference}...</c>), made by the link generator like
/// <c>asp-page</c>, but keeping the reference's case: references are upper-case (<c>NSCB-7Q4K2</c>) and are read
/// back from these paths exactly, which the site's lower-case URLs (<c>LowercaseUrls</c>) would change.
/// </summary>
public static class BookingUrls
{
    private static readonly LinkOptions KeepCase = new() { LowercaseUrls = false };

    /// <param name="page">The booking's page: <c>/Events/Booking</c>, <c>/Events/Offer</c> or <c>/Events/Cancel</c>.</param>
    /// <param name="query">Extra values, sent as the query string (e.g. <c>new { booked = "true" }</c>, <c>new { handler = "Calendar" }</c>).</param>
    public static string BookingPage(this IUrlHelper url, string reference, string page = "/Events/Booking", object? query = null)
    {
        var http = url.ActionContext.HttpContext;
        var values = new RouteValueDictionary(query) { ["reference"] = reference };
        if (url.ActionContext.RouteData.Values.TryGetValue("board", out var board))
        {
            values["board"] = board;
        }

        return http.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(http, page, values: values, options: KeepCase)
               ?? throw new InvalidOperationException($"No route to {page} for booking {reference}.");
    }
}
