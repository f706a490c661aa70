using LearningHub.Core.Taxonomies;
using LearningHub.Core.Recipes;
using LearningHub.Recipes.Services;

namespace LearningHub.Tests.Recipes;

public sealed class RecipeDocumentTests
{
    private static readonly string[] Known = ["board", "theme", "taxonomies", "roles"];

    [Fact]
    public void Bad_json_names_file_and_line()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeDocument.Parse("x.recipe.json", "{\n\"name\": \"X\",\n\"steps\": [\n  { \"step\": \"board\" \n]\n}"));

        Assert.Equal("x.recipe.json", error.FileName);
        Assert.Contains("line 5", error.Message);
    }

    [Fact]
    public void A_recipe_without_a_name_is_refused_naming_the_field()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeDocument.Parse("x.recipe.json", """{ "steps": [] }"""));

        Assert.Equal("name", error.Field);
        Assert.Equal("x.recipe.json, field 'name': is required and must be text.", error.Message);
    }

    [Fact]
    public void Steps_must_be_objects_naming_a_known_step()
    {
        using var document = RecipeDocument.Parse("x.recipe.json", """{ "name": "X", "steps": [ { "step": "board" }, 42 ] }""");

        var error = Assert.Throws<RecipeException>(() => document.Steps(Known));

        Assert.Equal(1, error.StepIndex);
    }

    [Fact]
    public void The_board_slug_is_read_without_applying()
    {
        using var document = RecipeDocument.Parse("x.recipe.json", """{ "name": "X", "steps": [ { "step": "theme" }, { "step": "board", "slug": "suffolk" } ] }""");

        Assert.Equal("suffolk", document.BoardSlug());
    }

    [Theory]
    [InlineData("Children's Social Care", Sector.ChildrensSocialCare)]
    [InlineData("Local Authority (other)", Sector.LocalAuthorityOther)]
    [InlineData("voluntary and community", Sector.VoluntaryAndCommunity)]
    [InlineData("Police", Sector.Police)]
    public void Sectors_are_read_by_their_display_names(string text, Sector expected)
    {
        using var document = RecipeDocument.Parse("x.recipe.json", $$"""{ "name": "X", "steps": [ { "step": "taxonomies", "agencies": [ { "key": "a", "name": "A", "sector": "{{text}}" } ] } ] }""");
        var step = document.Steps(Known).Single().Element;

        Assert.Equal(expected, step.Objects("agencies")[0].Enum<Sector>("sector"));
        Assert.Equal(expected.DisplayName(), Enum.GetValues<Sector>().Single(s => s == expected).DisplayName());
    }

    [Fact]
    public void Numbers_outside_their_range_are_refused_with_the_range()
    {
        using var document = RecipeDocument.Parse("x.recipe.json", """{ "name": "X", "steps": [ { "step": "board", "defaults": { "waitlistOfferHours": 0 } } ] }""");
        var defaults = document.Steps(Known).Single().Element.OptionalObject("defaults")!;

        var error = Assert.Throws<RecipeException>(() => defaults.OptionalInt("waitlistOfferHours", 1, 336));

        Assert.Equal("defaults.waitlistOfferHours", error.Field);
        Assert.Contains("from 1 to 336", error.Message);
    }

    [Theory]
    [InlineData("district,-borough-and-city-councils")]
    [InlineData("Essex-Police")]
    [InlineData("two  spaces")]
    [InlineData("-leading")]
    public void A_key_that_is_not_lowercase_words_joined_by_hyphens_is_refused_naming_the_item(string key)
    {
        using var document = RecipeDocument.Parse("x.recipe.json", $$"""{ "name": "X", "steps": [ { "step": "taxonomies", "agencies": [ { "key": "ok", "name": "A" }, { "key": "{{key}}", "name": "B" } ] } ] }""");
        var agencies = document.Steps(Known).Single().Element.Objects("agencies");

        Assert.Equal("ok", agencies[0].Key());
        var error = Assert.Throws<RecipeException>(() => agencies[1].Key());
        Assert.Equal("agencies[1].key", error.Field);
        Assert.Contains("lowercase letters and digits in words joined by hyphens", error.Message);
    }

    [Fact]
    public void A_flag_must_be_true_or_false_and_may_be_left_out()
    {
        using var document = RecipeDocument.Parse("x.recipe.json", """{ "name": "X", "steps": [ { "step": "board", "on": true, "off": false, "bad": "yes" } ] }""");
        var step = document.Steps(Known).Single().Element;

        Assert.True(step.OptionalBool("on"));
        Assert.False(step.OptionalBool("off"));
        Assert.Null(step.OptionalBool("missing"));
        var error = Assert.Throws<RecipeException>(() => step.OptionalBool("bad"));
        Assert.Equal("bad", error.Field);
        Assert.Contains("must be true or false", error.Message);
    }
}
