using System.Net;
using LearningHub.Core.Accounts;
using LearningHub.Core.Taxonomies;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// What the Confirm booking request reads about the person: their account, agency and locality in one query (it runs
/// while everyone else's bookings wait for the CPU), and the booking still records the agency, sector, job role and
/// locality the reach report counts.
/// </summary>
public sealed class BookingQueryTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    [Fact]
    public async Task Confirming_a_booking_reads_the_person_with_their_agency_and_locality_in_one_query()
    {
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { Title = "One query" }, now: factory.Clock.GetUtcNow().UtcDateTime);
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var page = await client.GetDocumentAsync($"/norfolk/events/{eventId}/book/check");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        HttpResponseMessage confirmed;
        IReadOnlyList<string> commands;
        using (var counter = new CommandCounter(factory.DataPath))
        {
            confirmed = await client.PostAsync($"/norfolk/events/{eventId}/book/check",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            commands = counter.Commands;
        }

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var aboutThePerson = commands.Where(c => c.Contains("FROM \"AspNetUsers\"", StringComparison.Ordinal)
                                                 || c.Contains("FROM \"Agencies\"", StringComparison.Ordinal)
                                                 || c.Contains("FROM \"Localities\"", StringComparison.Ordinal)).ToList();
        Assert.True(aboutThePerson.Count == 1, $"{aboutThePerson.Count} queries about the person:\n" + string.Join("\n---\n", aboutThePerson));

        var reference = confirmed.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];
        var booking = await factory.BookingAsync("norfolk", reference);
        var expected = await factory.WithBoardAsync("norfolk", async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "practitioner@norfolk.demo");
            var agency = await db.Agencies.SingleAsync(a => a.Id == user.AgencyId);
            var locality = await db.Localities.SingleAsync(l => l.Id == user.LocalityId);
            return (user.FullName, user.JobRole, agency.Name, agency.Sector, Locality: locality.Name);
        });
        Assert.Equal(expected.FullName, booking.FullName);
        Assert.Equal(expected.JobRole, booking.JobRole);
        Assert.Equal(expected.Name, booking.AgencyName);
        Assert.Equal(expected.Sector, booking.Sector);
        Assert.Equal(expected.Locality, booking.LocalityName);
    }
}
