using System.Text.Json.Nodes;
using LearningHub.Cases.Domain;
using LearningHub.Core.Recipes;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Tests.Cases.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>The <c>cases</c> recipe step: modules created published as version 1, idempotent by slug, errors naming the field.</summary>
public sealed class CasesRecipeStepTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task A_module_lands_published_as_version_1_with_all_its_parts_and_applying_again_changes_nothing()
    {
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("recipe-child-v"));
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("recipe-child-v"));

        var (module, versions, version) = await factory.WithBoardAsync("norfolk", async db =>
        {
            var m = await db.Set<CaseModule>().SingleAsync(x => x.Slug == "recipe-child-v");
            var all = await db.Set<CaseModuleVersion>().Where(v => v.ModuleId == m.Id).ToListAsync();
            var v = await LearningHub.Cases.Services.CaseVersions.LoadAsync(db, m.PublishedVersionId!.Value, tracking: false);
            return (m, all, v!);
        });

        Assert.Equal(CaseModuleStatus.Published, module.Status);
        Assert.Single(versions);
        Assert.Equal(1, version.Number);
        Assert.Equal(VersionState.Published, version.State);
        Assert.Equal(ReviewType.SeriousCaseReview, version.ReviewType);
        Assert.Equal(new DateOnly(2017, 3, 1), version.ReviewPublishedOn);
        Assert.Equal(3, version.Sections.Count);
        Assert.Equal(SectionKind.LearningActivities, version.Sections.Single(s => s.Position == 2).Kind);
        // The reflective questions are Forms forms attached to their sections: 1 in section 1, 2 in section 3.
        var counts = await factory.WithBoardServicesAsync("norfolk", s => s.GetRequiredService<LearningHub.Cases.Services.SectionReflection>()
            .QuestionCountsAsync("recipe-child-v", version.Sections));
        Assert.Equal([1, 0, 2], version.Sections.OrderBy(s => s.Position).Select(s => counts[s.Id]));
        Assert.Equal(2, version.Chronology.Count);
        Assert.Equal(2, version.Findings.Count);
        Assert.Equal(6, version.Recommendations.Count);
        Assert.Equal(RecommendationScope.MultiAgency, version.Recommendations.Single(r => r.Number == "2").Scope);
        Assert.All(version.Recommendations, r => Assert.Equal(RecommendationStatus.Accepted, r.Status));
        Assert.Single(version.Themes);
        Assert.Single(version.Topics);
    }

    [Fact]
    public async Task Changed_content_replaces_a_version_nobody_started()
    {
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("recipe-changed"));
        await CaseFixtures.ApplyAsync(factory.Services, "norfolk", CaseFixtures.ChildV("recipe-changed", "Child V (revised wording)"));

        var versions = await factory.WithBoardAsync("norfolk", db =>
            db.Set<CaseModuleVersion>().Where(v => v.Module.Slug == "recipe-changed").ToListAsync());
        var only = Assert.Single(versions);
        Assert.Equal("Child V (revised wording)", only.Title);
    }

    [Fact]
    public async Task An_unknown_theme_is_refused_with_the_path_of_the_field()
    {
        var module = CaseFixtures.ChildV("recipe-bad-theme");
        module["themes"] = new JsonArray("professional-curiosity", "no-such-theme");

        var error = await Assert.ThrowsAsync<RecipeException>(() => CaseFixtures.ApplyAsync(factory.Services, "norfolk", module));

        Assert.Equal(2, error.StepIndex);
        Assert.Equal("modules[0].themes[1]", error.Field);
        Assert.Contains("'no-such-theme' is not a theme of this board", error.Problem);
    }

    [Theory]
    [InlineData("reviewType", "Case Review", "modules[0].reviewType")]
    [InlineData("publishedOn", "March 2017", "modules[0].publishedOn")]
    [InlineData("estimatedMinutes", "30", "modules[0].estimatedMinutes")]
    [InlineData("slug", "Child V", "modules[0].slug")]
    public async Task A_bad_value_is_refused_naming_its_field(string field, string value, string path)
    {
        var module = CaseFixtures.ChildV("recipe-bad-" + field.ToLowerInvariant());
        module[field] = int.TryParse(value, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);

        var error = await Assert.ThrowsAsync<RecipeException>(() => CaseFixtures.ApplyAsync(factory.Services, "norfolk", module));

        Assert.Equal(path, error.Field);
    }

    [Fact]
    public async Task Duplicate_question_keys_and_recommendation_numbers_are_refused()
    {
        var module = CaseFixtures.ChildV("recipe-duplicates");
        module["sections"]![2]!["reflectiveQuestions"]![1]!["key"] = "interpreter-use";
        var error = await Assert.ThrowsAsync<RecipeException>(() => CaseFixtures.ApplyAsync(factory.Services, "norfolk", module));
        Assert.Equal("modules[0].sections[2].reflectiveQuestions[1].key", error.Field);

        module = CaseFixtures.ChildV("recipe-duplicates");
        module["recommendations"]![3]!["number"] = "1";
        error = await Assert.ThrowsAsync<RecipeException>(() => CaseFixtures.ApplyAsync(factory.Services, "norfolk", module));
        Assert.Equal("modules[0].recommendations[3].number", error.Field);
    }
}
