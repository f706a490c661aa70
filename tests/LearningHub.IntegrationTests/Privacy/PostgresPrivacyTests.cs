using System.Net;
using LearningHub.Cases.Domain;
using LearningHub.Core.Audit;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.Core.Privacy;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>
/// Export and erasure on PostgreSQL, where LIKE is case-sensitive: the lower-cased matching must still find an
/// address typed in capitals, and the audit redaction must pass the guard's command check there too.
/// </summary>
public sealed class PostgresPrivacyTests : IAsyncLifetime
{
    private readonly string _database = $"lh_priv_{Guid.NewGuid():N}"[..20];
    private PostgresFactory? _factory;

    public Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not null)
        {
            _factory = new PostgresFactory(TestPostgres.ConnectionTo(_database));
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is null)
        {
            return;
        }

        await _factory.DisposeAsync();
        await TestPostgres.DropAsync(_database);
    }

    [PostgresFact]
    public async Task Export_and_erasure_work_on_PostgreSQL()
    {
        var factory = _factory!;
        var person = await factory.CreatePractitionerAsync("norfolk", "Penelope Postgreswright", "penelope.pg@nhs.example");
        var eventId = await factory.CreateEventAsync("norfolk", capacity: 5);
        var booker = new Booker(person.Id, person.FullName, person.Email, "NHS Trust", LearningHub.Core.Taxonomies.Sector.Health, "Nurse", "Norwich");
        Assert.Equal(BookingStatus.Confirmed, (await factory.BookAsync("norfolk", eventId, booker, "line.pg@nhs.example")).Booking!.Status);
        await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            await services.GetRequiredService<EventAdmin>().AddWalkInAsync(eventId, person.FullName, person.Email.ToUpperInvariant(), null, null, null, "NSCB", "Cora");
            await services.GetRequiredService<IAttendanceCredit>().CreditAsync(
                new AttendanceCredit(person.Id, person.FullName, person.Email, "case-y", "Case Y briefing", DateTime.UtcNow));
            services.GetRequiredService<AuditLog>().Record("accounts.role.granted", new AuditTarget("Account", person.Id, person.FullName), new { email = person.Email });
            await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
            return true;
        });
        await factory.CreateFormAsync("norfolk", "pg-named", FormPurpose.GeneralFeedback, anonymous: false, FormsTestSupport.Q(QuestionType.ShortText, "One thing?", "one"));
        await factory.SubmitAsync("norfolk", "pg-named", "general", person.Id, new() { ["one"] = ["Ask about fathers"] });
        var client = await factory.SignedInAsync("norfolk", person);

        var download = await client.SubmitFormAsync("/norfolk/account/your-data", new Dictionary<string, string>(), "/norfolk/account/your-data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var json = await download.Content.ReadAsStringAsync();
        Assert.Contains("Ask about fathers", json, StringComparison.Ordinal);
        Assert.Contains(person.Email.ToUpperInvariant(), json, StringComparison.Ordinal);

        var deleted = await client.SubmitFormAsync("/norfolk/account/delete", new Dictionary<string, string> { ["Input.Password"] = person.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await factory.WithBoardAsync("norfolk", async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == person.Id));
            Assert.False(await db.Set<Booking>().AnyAsync(b => b.Email.ToLower() == "penelope.pg@nhs.example" || b.FullName == person.FullName));
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.ToAddress.ToLower() == "penelope.pg@nhs.example"));
            Assert.False(await db.AuditEntries.AnyAsync(e => (e.ChangesJson != null && e.ChangesJson.Contains("penelope")) || e.TargetLabel == person.FullName));
            Assert.True(await db.Set<CaseCertificate>().AnyAsync(c => c.UserId == "" && c.HolderName == ""));
            Assert.False(await db.Set<FormSubmission>().AnyAsync(s => s.UserId == person.Id));
            Assert.Single(await db.AuditEntries.Where(e => e.Action == PersonalDataRights.AccountDeleted && e.TargetId == person.Id).ToListAsync());
            return true;
        });
    }
}
