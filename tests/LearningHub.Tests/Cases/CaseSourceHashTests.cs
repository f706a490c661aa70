using System.Text.Json;
using LearningHub.Cases.Recipes;
using LearningHub.Core.Recipes;

namespace LearningHub.Tests.Cases;

/// <summary>A module's cover belongs to the module, not a version: adding it last to a recipe module publishes no new version.</summary>
public sealed class CaseSourceHashTests
{
    private static RecipeElement Element(string json) =>
        new(JsonDocument.Parse(json).RootElement.Clone(), "", (field, problem) => new RecipeException("test.recipe.json", 0, field, problem));

    private const string Module = "{\n  \"slug\": \"case-y\",\n  \"title\": \"Case Y\"\n}";

    [Fact]
    public void A_cover_written_last_leaves_the_content_hash_as_it_was()
    {
        var withCover = "{\n  \"slug\": \"case-y\",\n  \"title\": \"Case Y\",\n  \"cover\": \"media:diagram-timeline\"\n}";

        Assert.Equal(CasesStep.SourceHash(Element(Module)), CasesStep.SourceHash(Element(withCover)));
    }

    [Fact]
    public void Any_other_change_changes_the_hash()
    {
        var retitled = "{\n  \"slug\": \"case-y\",\n  \"title\": \"Case Y (revised)\",\n  \"cover\": \"media:diagram-timeline\"\n}";

        Assert.NotEqual(CasesStep.SourceHash(Element(Module)), CasesStep.SourceHash(Element(retitled)));
    }
}
