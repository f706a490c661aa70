using System.Net;
using System.Text.RegularExpressions;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LearningHub.IntegrationTests.Events;

/// <summary>
/// How SQLite reads a booking decision's rows. It keeps no statistics unless asked (the site never runs ANALYZE), so
/// it chooses among indexes by rule of thumb, and with an index led by the board's id beside the event's indexes
/// (the lower-cased address index, <c>(BoardId, lower(Email))</c>, before session 22) it chose the board's: every
/// decision then read every booking the board had ever taken, and the warm bookings slowed as they accumulated
/// (bench/README.md, "Session 22"). The board's filter is on every query, so this holds for any such index.
/// </summary>
public sealed partial class BookingQueryPlanTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    [Fact]
    public async Task A_booking_decision_reads_the_events_bookings_by_the_events_indexes_not_every_booking_of_the_board()
    {
        var eventId = await factory.CreateEventAsync("norfolk", 10, d => d with { Title = "Query plans" }, now: factory.Clock.GetUtcNow().UtcDateTime);
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var page = await client.GetDocumentAsync($"/norfolk/events/{eventId}/book/check");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        IReadOnlyList<RecordedCommand> commands;
        using (var counter = new CommandCounter(factory.DataPath))
        {
            var confirmed = await client.PostAsync($"/norfolk/events/{eventId}/book/check",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            commands = counter.Recorded;
        }

        var readingBookings = commands.Where(c => c.Text.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)
                                                  && c.Text.Contains("FROM \"Bookings\"", StringComparison.Ordinal)).ToList();
        // The decision's queries: the person's active booking, the references taken, and the place counts.
        Assert.True(readingBookings.Count >= 3, $"{readingBookings.Count} queries read bookings:\n" + string.Join("\n---\n", readingBookings.Select(c => c.Text)));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataPath, "learninghub.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var query in readingBookings)
        {
            var plan = await PlanAsync(connection, query);
            // "(BoardId=?)" alone is a walk through all of the board's rows; a SCAN (but of json_each's list) is a walk
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
}
