using LearningHub.Cases.Domain;
using LearningHub.Core.Accounts;
using LearningHub.Core.Learning;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Impact;

/// <summary>
/// The scenario on Norfolk: recommendation 2 of "Impact V" answered by its module and by one event (with the
/// recipe's baseline, evaluation and follow-up forms); 12 practitioners in 3 new agencies, Impact Police (5 people,
/// workforce 100), Impact Health (4, workforce 40) and Impact Schools (3, workforce 30), completing, attending and
/// answering before, straight after and at follow-up. The figures every test expects are worked out in the comments.
/// </summary>
public static class ImpactScenario
{
    public const string Slug = "impact-v";
    public const string Url = "/norfolk/recommendations/impact-v/2";

    public sealed record Seeded(Guid EventId, Guid PoliceId, Guid HealthId, Guid SchoolsId);

    // Who did what. Reach: Police P1-P5 (P1-P3 completed, P3-P5 attended: 5 people, 5.0% of 100); Health H1-H3
    // (H1, H2 completed, H3 attended, H4 a no-show: 3 people, 7.5% of 40); Schools S1-S2 (S1 both, S2 attended:
    // 2 people, 6.7% of 30). 10 people in all; Norwich 7 (Police and Schools), Breckland 3 (Health).
    private static readonly string[] Completed = ["P1", "P2", "P3", "H1", "H2", "S1"];
    private static readonly string[] Attended = ["P3", "P4", "P5", "H3", "S1", "S2"];

    // Confidence in recognising coercive control, 1 to 5. Before: 12 answers, 27/12 = 2.25 (Police 2.00);
    // straight after: 48/12 = 4.00 (Police 4.00); at follow-up 9 answers (no Schools), 34/9 = 3.78 (Police 4.00).
    private static readonly Dictionary<string, (int Before, int After, int? FollowUp, bool? Used)> Answers = new()
    {
        ["P1"] = (2, 4, 4, true),
        ["P2"] = (2, 4, 4, true),
        ["P3"] = (3, 4, 4, true),
        ["P4"] = (2, 3, 4, true),
        ["P5"] = (1, 5, 4, false),
        ["H1"] = (1, 3, 3, true),
        ["H2"] = (2, 4, 3, false),
        ["H3"] = (2, 4, 4, true),
        ["H4"] = (3, 4, 4, false),
        ["S1"] = (3, 4, null, null),
        ["S2"] = (3, 4, null, null),
        ["S3"] = (3, 5, null, null),
    };

    public static async Task<Seeded> SeedAsync(LearningHubFactory factory)
    {
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV(Slug, "Impact V"));
        var eventId = await factory.CreateEventAsync("norfolk", 40, d => d with
        {
            Title = "Coercive control briefing",
            LinkedModules = [Slug],
            LinkedRecommendations = [new RecommendationRef(Slug, "2")],
            BaselineFormKey = "event-baseline",
            EvaluationFormKey = "event-evaluation",
            FollowUpFormKey = "event-follow-up-90-days",
        });

        return await factory.WithBoardServicesAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>();
            var norwich = await db.Localities.SingleAsync(l => l.Key == "norwich");
            var breckland = await db.Localities.SingleAsync(l => l.Key == "breckland");
            var police = new Agency { Key = "impact-police", Name = "Impact Police", Sector = Sector.Police, Workforce = 100, SortOrder = 100 };
            var health = new Agency { Key = "impact-health", Name = "Impact Health", Sector = Sector.Health, Workforce = 40, SortOrder = 101 };
            var schools = new Agency { Key = "impact-schools", Name = "Impact Schools", Sector = Sector.Education, Workforce = 30, SortOrder = 102 };
            db.AddRange(police, health, schools);
            await db.SaveChangesAsync();

            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var people = new Dictionary<string, (ApplicationUser User, Agency Agency, Locality Locality)>();
            foreach (var (prefix, agency, count, locality) in new[] { ("P", police, 5, norwich), ("H", health, 4, breckland), ("S", schools, 3, norwich) })
            {
                for (var i = 1; i <= count; i++)
                {
                    var user = new ApplicationUser
                    {
                        UserName = $"impact-{prefix}{i}@agency.example".ToLowerInvariant(),
                        Email = $"impact-{prefix}{i}@agency.example".ToLowerInvariant(),
                        EmailConfirmed = true,
                        FullName = $"Person {prefix}{i}",
                        AgencyId = agency.Id,
                        LocalityId = locality.Id,
                        CreatedUtc = DateTime.UtcNow,
                    };
                    Assert.True((await users.CreateAsync(user)).Succeeded);
                    people[$"{prefix}{i}"] = (user, agency, locality);
                }
            }

            var module = await db.Set<CaseModule>().SingleAsync(m => m.Slug == Slug);
            var now = DateTime.UtcNow;
            foreach (var who in Completed)
            {
                db.Add(new CaseProgress
                {
                    UserId = people[who].User.Id,
                    ModuleId = module.Id,
                    VersionId = module.PublishedVersionId!.Value,
                    StartedUtc = now.AddHours(-2),
                    LastActivityUtc = now.AddHours(-1),
                    CompletedUtc = now.AddHours(-1),
                });
            }

            foreach (var (who, mark) in Attended.Select(w => (w, AttendanceMark.Attended)).Append(("H4", AttendanceMark.NoShow)))
            {
                var (user, agency, locality) = people[who];
                db.Add(new Booking
                {
                    EventId = eventId,
                    Reference = BookingReference.New("NSCB"),
                    UserId = user.Id,
                    ActiveUserId = user.Id,
                    FullName = user.FullName,
                    Email = user.Email!,
                    AgencyName = agency.Name,
                    Sector = agency.Sector,
                    LocalityName = locality.Name,
                    Status = BookingStatus.Confirmed,
                    Attendance = mark,
                    CreatedUtc = now.AddDays(-3),
                    ConfirmedUtc = now.AddDays(-3),
                });
            }

            var context = EventFormContext.For(eventId);
            foreach (var (who, (before, after, followUp, used)) in Answers)
            {
                var (user, agency, locality) = people[who];
                await AnswerAsync(db, "event-baseline", context, null, agency, locality, now, ("confidence-coercive-control", $"{before}"));
                await AnswerAsync(db, "event-evaluation", context, null, agency, locality, now, ("confidence-coercive-control", $"{after}"));
                if (followUp is { } later)
                {
                    await AnswerAsync(db, "event-follow-up-90-days", context, user, agency, locality, now, ("confidence-coercive-control", $"{later}"),
                        ("used-learning", used == true ? "yes" : "no"), ("example-of-change", $"I now ask about coercive control at every visit ({who})."));
                }
            }

            await db.SaveChangesAsync();
            return new Seeded(eventId, police.Id, health.Id, schools.Id);
        });
    }

    private static async Task AnswerAsync(LearningHub.Core.Data.LearningHubDbContext db, string formKey, string context, ApplicationUser? user,
        Agency agency, Locality locality, DateTime now, params (string Key, string Value)[] answers)
    {
        var form = await db.Set<Form>().SingleAsync(f => f.Key == formKey);
        var version = await db.Set<FormVersion>().Include(v => v.Questions).SingleAsync(v => v.FormId == form.Id && v.Number == form.CurrentVersion);
        var submission = new FormSubmission
        {
            FormId = form.Id,
            FormVersionId = version.Id,
            Context = context,
            UserId = user?.Id,
            RespondentName = user?.FullName,
            RespondentEmail = user?.Email,
            AgencyId = agency.Id,
            Sector = agency.Sector,
            LocalityId = locality.Id,
            StartedUtc = now.AddMinutes(-5),
            UpdatedUtc = now,
            SubmittedUtc = now,
        };
        foreach (var (key, value) in answers)
        {
            submission.Answers.Add(new FormAnswer { QuestionId = version.Questions.Single(q => q.Key == key).Id, Value = value });
        }

        db.Add(submission);
    }

    /// <summary>A table's cells as the page shows them (header row first), trimmed.</summary>
    public static List<List<string>> Cells(AngleSharp.Dom.IElement table) =>
        table.QuerySelectorAll("tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();

    /// <summary>One row of a table by its first cell.</summary>
    public static List<string> Row(AngleSharp.Dom.IElement table, string heading) =>
        Cells(table).Single(r => r[0] == heading);

    /// <summary>An agency safeguarding lead of <paramref name="agencyId"/> on <paramref name="board"/> (and a practitioner), with the demo password.</summary>
    public static Task<string> AgencyLeadAsync(LearningHubFactory factory, string board, string email, Guid agencyId) =>
        factory.WithBoardServicesAsync(board, async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var locality = await services.GetRequiredService<LearningHub.Core.Data.LearningHubDbContext>().Localities.Select(l => l.Id).FirstAsync();
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = "Lee Lead",
                AgencyId = agencyId,
                LocalityId = locality,
                JobRole = "Designated safeguarding lead",
                CreatedUtc = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, LearningHubFactory.DemoPassword);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            var roles = await users.AddToRolesAsync(user, [BoardRoles.Practitioner, BoardRoles.AgencyLead]);
            Assert.True(roles.Succeeded, string.Join(" ", roles.Errors.Select(e => e.Description)));
            return user.Id;
        });
}
