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
/// resolves, a catalogue date always says where the source gives it (and is the review's own), practice actions say
/// they are the board's, no section is empty, no module asks a question twice, and no session falls on a weekend unless marked.
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
    public void A_catalogue_date_is_the_reviews_own_not_one_its_source_says_is_not_stated(string board)
    {
        // Essex's case modules once showed the briefing's July 2017 as each review's publication date, with a
        // source note saying the reviews' own dates are not stated.
        foreach (var module in CasesStep(board).GetProperty("modules").EnumerateArray())
        {
            if (module.TryGetProperty("publishedOnSource", out var source))
            {
                Assert.DoesNotContain("not stated", source.GetString()!, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("norfolk")]
    [InlineData("essex")]
    public void Practice_actions_say_they_are_the_boards_and_only_claim_recommendations_a_module_has(string board)
    {
        var modules = CasesStep(board).GetProperty("modules").EnumerateArray().ToList();
        // A review in parts keeps its recommendations in one part (Child V's in part 2): they are the review's.
        var reviewsWithRecommendations = modules
            .Where(m => m.TryGetProperty("recommendations", out var r) && r.GetArrayLength() > 0)
            .Select(m => ModulePart.FirstSlugOf(m.GetProperty("slug").GetString()!)).ToHashSet();
        foreach (var module in modules)
        {
            var slug = module.GetProperty("slug").GetString()!;
            var hasRecommendations = reviewsWithRecommendations.Contains(ModulePart.FirstSlugOf(slug));
            foreach (var section in module.GetProperty("sections").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == "What this means for your practice"))
            {
                var body = section.GetProperty("body").GetString()!;
                Assert.True(body.Contains("the board's suggestions", StringComparison.Ordinal), $"{slug}: practice actions not marked as the board's own");
                Assert.True(hasRecommendations || !body.Contains("findings and recommendations", StringComparison.Ordinal),
                    $"{slug}: says its actions come from recommendations it does not have");
            }
        }
    }

    [Theory]
    [InlineData("norfolk")]
    [InlineData("essex")]
    public void No_section_is_empty_and_no_module_asks_the_same_question_twice(string board)
    {
        foreach (var module in CasesStep(board).GetProperty("modules").EnumerateArray())
        {
            var slug = module.GetProperty("slug").GetString();
            var sections = module.GetProperty("sections").EnumerateArray().ToList();
            Assert.All(sections, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("body").GetString()), $"{slug}: section '{s.GetProperty("title")}' is empty"));

            var questions = sections.SelectMany(s => s.TryGetProperty("reflectiveQuestions", out var q) ? q.EnumerateArray() : Enumerable.Empty<JsonElement>()).ToList();
            Assert.True(questions.Select(q => q.GetProperty("key").GetString()).Distinct().Count() == questions.Count, $"{slug}: a question key is used twice");
            Assert.True(questions.Select(q => q.GetProperty("text").GetString()!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == questions.Count,
                $"{slug}: a question is asked twice");
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
