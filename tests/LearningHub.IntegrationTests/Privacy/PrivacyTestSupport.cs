using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Privacy;

/// <summary>A practitioner with a confirmed account, made as registration would leave it.</summary>
public sealed record TestPerson(string Id, string FullName, string Email, string Password);

internal static class PrivacyTestSupport
{
    public const string Password = "a long enough password for privacy";

    public static Task<TestPerson> CreatePractitionerAsync(this LearningHubFactory factory, string board, string fullName, string email,
        string? lineManager = null) =>
        factory.WithBoardServicesAsync(board, async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = fullName,
                JobRole = "Health visitor",
                AgencyId = await db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync(),
                LocalityId = await db.Localities.OrderBy(l => l.SortOrder).Select(l => l.Id).FirstAsync(),
                LineManagerEmail = lineManager,
                CreatedUtc = DateTime.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, BoardRoles.Practitioner)).Succeeded);
            return new TestPerson(user.Id, fullName, email, Password);
        });

    public static async Task<HttpClient> SignedInAsync(this LearningHubFactory factory, string board, TestPerson person)
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync(board, person.Email, person.Password);
        return client;
    }

    public static Task<bool> AccountExistsAsync(this LearningHubFactory factory, string board, string userId) =>
        factory.WithBoardAsync(board, db => db.Users.AnyAsync(u => u.Id == userId));
}
