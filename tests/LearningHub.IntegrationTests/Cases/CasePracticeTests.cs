using System.Text.Json.Nodes;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Core.Recipes;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// Key messages at the top of a module, "What this means for your practice" by role, the time a module takes
/// worked out from what it shows, and the version's findings shown once however many analysis sections there are.
/// </summary>
public sealed class CasePracticeTests : IClassFixture<FixtureCasesFactory>, IAsyncLifetime
{
    private readonly FixtureCasesFactory _factory;

    public CasePracticeTests(FixtureCasesFactory factory) => _factory = factory;

    /// <summary>The fixture module with a practice section (5th), actions for three roles, and a second analysis section (5th).</summary>
    private static JsonObject WithPractice(string slug)
    {
        var module = CaseFixtures.ChildV(slug);
        module["keyMessages"] = new JsonArray("Use a professional interpreter, <b>never</b> family.", "Ask who else lives in the home.");
        var sections = module["sections"]!.AsArray();
        sections.Add(new JsonObject { ["kind"] = "What this means for your practice", ["title"] = "What this means for you", ["body"] = "Actions by role." });
        sections.Insert(1, new JsonObject { ["kind"] = "Analysis of practice", ["title"] = "First analysis", ["body"] = "Agencies worked apart." });
        sections.Add(new JsonObject { ["kind"] = "Analysis of practice", ["title"] = "Second analysis", ["body"] = "More about interpreters." });
        module["practiceActions"] = new JsonArray(
            new JsonObject { ["role"] = "Health", ["text"] = "Book an interpreter for every <script>appointment</script>." },
            new JsonObject { ["role"] = "Police", ["text"] = "Record who interpreted." },
            new JsonObject { ["role"] = "Children's social care", ["text"] = "Ask who lives in the home." });
        return module;
    }

    public Task InitializeAsync() => CaseFixtures.ApplyAsync(_factory.Services, "norfolk", WithPractice("practice-v"));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Key_messages_are_a_box_at_the_top_of_the_module_as_text_never_html()
    {
        var page = await _factory.CreateBrowserClient().GetDocumentAsync("/norfolk/modules/practice-v");

        var box = page.GetElementById("key-messages")!;
        Assert.Equal(["Use a professional interpreter, <b>never</b> family.", "Ask who else lives in the home."],
            box.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToArray());
        Assert.Null(box.QuerySelector("b"));
        var main = page.QuerySelector("main")!.InnerHtml;
        Assert.True(main.IndexOf("key-messages", StringComparison.Ordinal) < main.IndexOf("govuk-task-list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_practice_section_shows_the_actions_by_role()
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var page = await client.GetDocumentAsync("/norfolk/modules/practice-v/sections/5");

        Assert.Equal(["Health", "Children's social care", "Police"], page.QuerySelectorAll("main h3").Select(h => h.TextContent.Trim()).ToArray());
        Assert.Contains("Book an interpreter for every <script>appointment</script>.", page.QuerySelector("main")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Findings_are_shown_once_by_the_first_analysis_section_not_after_each()
    {
        var client = _factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");

        var first = await client.GetDocumentAsync("/norfolk/modules/practice-v/sections/2");
        var second = await client.GetDocumentAsync("/norfolk/modules/practice-v/sections/6");

        Assert.Contains("Interpreters were not used.", first.QuerySelector("main")!.TextContent);
        Assert.Equal("Second analysis", second.QuerySelector("main h1")!.TextContent.Trim());
        Assert.DoesNotContain("Interpreters were not used.", second.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_time_a_module_takes_is_worked_out_from_its_words_and_questions_and_shown_in_catalogue_and_module()
    {
        var version = await _factory.WithBoardAsync("norfolk", db => CaseVersions.LoadAsync(db,
            db.Set<CaseModule>().Where(m => m.Slug == "practice-v").Select(m => m.PublishedVersionId!.Value).Single(), tracking: false));

        // Three reflective questions (3 minutes each) and the words shown at 200 a minute.
        var words = EstimatedTime.WordsShown(version!);
        Assert.InRange(words, 100, 400);
        Assert.Equal((int)Math.Ceiling(words / 200.0) + 9, version!.EstimatedMinutes);

        var client = _factory.CreateBrowserClient();
        var catalogue = await client.GetDocumentAsync("/norfolk/modules");
        Assert.Contains($"about {version.EstimatedMinutes} minutes", catalogue.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("20 to 40 minutes", catalogue.QuerySelector("main")!.TextContent);
        var module = await client.GetDocumentAsync("/norfolk/modules/practice-v");
        Assert.Contains($"About {version.EstimatedMinutes} minutes", module.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void Findings_count_once_in_the_estimate()
    {
        var version = new CaseModuleVersion
        {
            Sections =
            [
                new CaseSection { Position = 0, Kind = SectionKind.AnalysisOfPractice, Body = "one" },
                new CaseSection { Position = 1, Kind = SectionKind.AnalysisOfPractice, Body = "two" },
            ],
            Findings = [new CaseFinding { Text = string.Join(' ', Enumerable.Repeat("word", 400)) }],
        };

        Assert.Equal(402, EstimatedTime.WordsShown(version));
        Assert.Equal(3 + 6, EstimatedTime.Minutes(version, questionCount: 2));
    }

    [Fact]
    public async Task Practice_actions_without_a_section_to_show_them_are_refused()
    {
        var module = WithPractice("practice-no-section");
        module["sections"]!.AsArray().RemoveAt(4);

        var error = await Assert.ThrowsAsync<RecipeException>(() => CaseFixtures.ApplyAsync(_factory.Services, "norfolk", module));

        Assert.Equal("modules[0].practiceActions", error.Field);
    }

    [Fact]
    public async Task An_unknown_role_is_refused_listing_the_roles()
    {
        var module = WithPractice("practice-bad-role");
        module["practiceActions"]![0]!["role"] = "Probation";

        var error = await Assert.ThrowsAsync<RecipeException>(() => CaseFixtures.ApplyAsync(_factory.Services, "norfolk", module));

        Assert.Equal("modules[0].practiceActions[0].role", error.Field);
        Assert.Contains("Education and early years", error.Problem);
    }
}
