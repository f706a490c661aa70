using System.Text.Json;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Time;
using LearningHub.Events.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// What can be checked mechanically about the boards' real recipes once applied: every module has key messages
/// and at least three role-tagged practice actions, none takes over 45 minutes by the computed estimate, every
/// Essex case module asks at least two questions no other module asks, every link from an event to a module
/// resolves, a catalogue date always says where the source gives it, and no session falls on a weekend unless marked.
/// </summary>
public sealed class RecipeContentTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static JsonElement CasesStep(string board) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", $"{board}.recipe.json")))
            .RootElement.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("step").GetString() == "cases");

    private Task<List<CaseModuleVersion>> PublishedAsync(string board) =>
        factory.WithBoardAsync(board, async db =>
        {
            var ids = await db.Set<CaseModule>().Where(m => m.PublishedVersionId != null).Select(m => m.PublishedVersionId!.Value).ToListAsync();
            var versions = new List<CaseModuleVersion>();
            foreach (var id in ids)
            {
                versions.Add((await CaseVersions.LoadAsync(db, id, tracking: false))!);
            }

            return versions;
        });

    [Theory]
    [InlineData("norfolk")]
    [InlineData("essex")]
    public async Task Every_module_has_key_messages_three_role_tagged_actions_a_section_to_show_them_and_fits_in_45_minutes(string board)
    {
        var versions = await PublishedAsync(board);

        Assert.NotEmpty(versions);
        Assert.All(versions, v =>
        {
            Assert.True(v.KeyMessageList().Count >= 2, $"{v.Title}: key messages");
            Assert.True(v.PracticeActions.Count >= 3, $"{v.Title}: practice actions");
            Assert.True(v.PracticeActions.Select(a => a.Role).Distinct().Count() >= 2, $"{v.Title}: practice actions for more than one role");
            Assert.Contains(v.Sections, s => s.Kind == SectionKind.PracticeActions);
            Assert.True(v.EstimatedMinutes <= EstimatedTime.MostMinutesPerPart, $"{v.Title}: {v.EstimatedMinutes} minutes");
        });
    }

    [Fact]
    public void Every_essex_case_module_asks_at_least_two_questions_no_other_module_asks()
    {
        var questions = CasesStep("essex").GetProperty("modules").EnumerateArray().ToDictionary(
            m => m.GetProperty("slug").GetString()!,
            m => m.GetProperty("sections").EnumerateArray()
                .SelectMany(s => s.TryGetProperty("reflectiveQuestions", out var q) ? q.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(q => q.GetProperty("text").GetString()!.Trim()).ToList());

        foreach (var slug in new[] { "child-j", "child-g", "child-l", "child-k" })
        {
            var others = questions.Where(q => q.Key != slug).SelectMany(q => q.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.True(questions[slug].Count(q => !others.Contains(q)) >= 2, $"{slug} has fewer than two questions of its own");
        }
    }

    [Theory]
    [InlineData("norfolk")]
    [InlineData("essex")]
    public void A_catalogue_date_always_names_where_the_source_gives_it(string board)
    {
        foreach (var module in CasesStep(board).GetProperty("modules").EnumerateArray())
        {
            if (module.TryGetProperty("publishedOn", out _))
            {
                Assert.True(module.TryGetProperty("publishedOnSource", out var source) && source.GetString()!.Contains(".md", StringComparison.Ordinal),
                    $"{module.GetProperty("slug")}: publishedOn without publishedOnSource");
            }
        }
    }

    [Theory]
    [InlineData("norfolk")]
    [InlineData("essex")]
    public async Task Every_event_link_to_a_module_resolves_and_no_session_is_on_a_weekend(string board)
    {
        var (slugs, events) = await factory.WithBoardAsync(board, async db =>
            (await db.Set<CaseModule>().Select(m => m.Slug).ToListAsync(),
             await db.Set<LearningEvent>().Select(e => new { e.Title, Keys = e.Links.Select(l => l.ModuleKey).ToList(), e.StartUtc }).ToListAsync()));

        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            foreach (var key in e.Keys)
            {
                Assert.True(slugs.Contains(key), $"{e.Title} links to missing module '{key}'");
            }

            var day = LondonTime.ToLondon(e.StartUtc).DayOfWeek;
            Assert.True(day is not DayOfWeek.Saturday and not DayOfWeek.Sunday, $"{e.Title} is on a {day}");
        }
    }
}
