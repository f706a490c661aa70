using LearningHub.Cases.Domain;
using LearningHub.Core.Data;
using LearningHub.Core.Learning;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Notifications.Domain;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// <see cref="IAttendanceCredit"/> as Events calls it, through DI: attendance completes the module's latest
/// published version, with the source on the progress and the certificate and the "module completed" mail,
/// all left in the caller's unit of work until the caller saves.
/// </summary>
public sealed class AttendanceCreditTests : IClassFixture<FixtureCasesFactory>, IAsyncLifetime
{
    private readonly FixtureCasesFactory _factory;

    public AttendanceCreditTests(FixtureCasesFactory factory) => _factory = factory;

    public Task InitializeAsync() => CaseFixtures.ApplyAsync(_factory.Services, "norfolk", CaseFixtures.ChildV("credit-v"));

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<(int Progress, int Certificates, int Mails)> CountsAsync(string userId) =>
        _factory.WithBoardAsync("norfolk", async db => (
            await db.Set<CaseProgress>().CountAsync(p => p.UserId == userId && p.Version.Module.Slug == "credit-v"),
            await db.Set<CaseCertificate>().CountAsync(c => c.UserId == userId && c.ModuleSlug == "credit-v"),
            await db.Set<OutboxMessage>().CountAsync(m => m.ToAddress == "practitioner@norfolk.demo" && m.Subject.Contains("Child V"))));

    [Fact]
    public async Task Attendance_completes_the_published_module_with_its_source_and_certificate_when_the_caller_saves()
    {
        var userId = await _factory.UserIdAsync("norfolk", "practitioner@norfolk.demo");
        var attended = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        var credit = new AttendanceCredit(userId, "Pat Practitioner", "practitioner@norfolk.demo", "credit-v", "Child V roadshow, Norwich", attended);

        await _factory.WithBoardServicesAsync("norfolk", async services =>
        {
            await services.GetRequiredService<IAttendanceCredit>().CreditAsync(credit);
            // Nothing is saved by the credit itself: the caller's SaveChanges commits it with the attendance.
            Assert.Equal((0, 0, 0), await CountsAsync(userId));
            await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
            return true;
        });

        var (progress, certificate) = await _factory.WithBoardAsync("norfolk", async db => (
            await db.Set<CaseProgress>().Include(p => p.Version).SingleAsync(p => p.UserId == userId && p.Version.Module.Slug == "credit-v"),
            await db.Set<CaseCertificate>().SingleAsync(c => c.UserId == userId && c.ModuleSlug == "credit-v")));
        Assert.Equal(attended, progress.CompletedUtc);
        Assert.Equal("attended: Child V roadshow, Norwich", progress.CompletedBy);
        Assert.Equal(1, progress.Version.Number);
        Assert.Equal("attended: Child V roadshow, Norwich", certificate.CompletedBy);
        Assert.Equal("Pat Practitioner", certificate.HolderName);
        Assert.Equal(attended, certificate.CompletedUtc);
        Assert.Equal((1, 1, 1), await CountsAsync(userId));

        // Their learning record and certificate say how it was completed.
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Contains("attended: Child V roadshow, Norwich", (await client.GetDocumentAsync("/norfolk/my-learning")).QuerySelector("main")!.TextContent);
        Assert.Contains("attended: Child V roadshow, Norwich",
            (await client.GetDocumentAsync($"/norfolk/certificates/{certificate.Code}")).QuerySelector(".lh-certificate")!.TextContent);

        // Crediting again, or for a module the board does not have, changes nothing.
        await _factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var credits = services.GetRequiredService<IAttendanceCredit>();
            await credits.CreditAsync(credit);
            await credits.CreditAsync(credit with { ModuleKey = "no-such-module" });
            await services.GetRequiredService<LearningHubDbContext>().SaveChangesAsync();
            return true;
        });
        Assert.Equal((1, 1, 1), await CountsAsync(userId));
    }
}
