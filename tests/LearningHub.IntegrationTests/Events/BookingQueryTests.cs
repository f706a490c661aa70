using System.Net;
using System.Text.RegularExpressions;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// What the Confirm booking request reads: about the person, their account, agency and locality in one query (it runs
/// while everyone else's bookings wait for the CPU), and the booking still records the agency, sector, job role and
/// locality the reach report counts; about the event, its own bookings by its own indexes. SQLite keeps no statistics
/// unless asked (the site never runs ANALYZE), so it chooses among indexes by rule of thumb, and with an index led by the
/// board's id beside the event's indexes (the lower-cased address index, <c>(BoardId, lower(Email))</c>, before session
/// 22) it chose the board's: every decision read every booking the board had ever taken, and the warm bookings slowed as
/// they accumulated (bench/README.md, "Session 22"). The board's filter is on every query, so any such index would do it.
/// </summary>
public sealed partial class BookingQueryTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    [Fact]
    public async Task Confirming_a_booking_reads_the_person_with_their_agency_and_locality_in_one_query()
    {
        var (confirmed, recorded) = await ConfirmAsync("One query");
        var commands = recorded.Select(c => c.Text).ToList();

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

    [Fact]
    public async Task A_booking_decision_reads_the_events_bookings_by_the_events_indexes_not_every_booking_of_the_board()
    {
        var (confirmed, commands) = await ConfirmAsync("Query plans");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var readingBookings = commands.Where(c => c.Text.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)
                                                  && c.Text.Contains("FROM \"Bookings\"", StringComparison.Ordinal)).ToList();
        // The decision's queries: the person's active booking, the references taken, and the place counts.
        Assert.True(readingBookings.Count >= 3, $"{readingBookings.Count} queries read bookings:\n" + string.Join("\n---\n", readingBookings.Select(c => c.Text)));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataPath, "learninghub.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var query in readingBookings)
        {
            var plan = await PlanAsync(connection, query);
            // "(BoardId=?)" alone is a walk through all of the board's rows; a SCAN (other than of json_each's list) is a walk
            // through every row.
            var wholeBoard = plan.Where(step => BoardOnly().IsMatch(step) || (step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains("VIRTUAL TABLE", StringComparison.Ordinal)))
                .ToList();
            Assert.True(wholeBoard.Count == 0, $"reads the whole board:\n{string.Join("\n", plan)}\nfor\n{query.Text}");
        }
    }

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, RecordedCommand query)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + query.Text;
        foreach (var parameter in query.Parameters)
        {
            explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }

        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    [GeneratedRegex(@"\(BoardId=\?\)$")]
    private static partial Regex BoardOnly();

    /// <summary>The practitioner opens a new event's Confirm page and confirms; the commands the confirmation ran.</summary>
    private async Task<(HttpResponseMessage Confirmed, IReadOnlyList<RecordedCommand> Commands)> ConfirmAsync(string title)
    {
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { Title = title }, now: factory.Clock.GetUtcNow().UtcDateTime);
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var page = await client.GetDocumentAsync($"/norfolk/events/{eventId}/book/check");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var counter = new CommandCounter(factory.DataPath);
        var confirmed = await client.PostAsync($"/norfolk/events/{eventId}/book/check",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        return (confirmed, counter.Recorded);
    }
}
