using System.Text.Json.Nodes;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Cases;

/// <summary>
/// The real app with the real recipes minus their <c>cases</c> step, so a test class that applies its
/// own small modules (<see cref="CaseFixtures"/>) sees exactly those in the catalogue, search and
/// paging. The real modules are counted by <see cref="RecipeCaseCountsTests"/> on the plain factory.
/// </summary>
public sealed class FixtureCasesFactory : LearningHubFactory
{
    private readonly string _recipes;

    public FixtureCasesFactory()
    {
        _recipes = Path.Combine(DataPath + "-recipes");
        Directory.CreateDirectory(_recipes);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "recipes"), "*.recipe.json"))
        {
            var recipe = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var steps = recipe["steps"]!.AsArray();
            foreach (var step in steps.Where(s => (string?)s!["step"] == "cases").ToList())
            {
                steps.Remove(step);
            }

            File.WriteAllText(Path.Combine(_recipes, Path.GetFileName(file)), recipe.ToJsonString());
        }

        // The images the recipes' media step brings, next to them as in the real recipes folder.
        Directory.CreateDirectory(Path.Combine(_recipes, "media"));
        foreach (var image in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "recipes", "media")))
        {
            File.Copy(image, Path.Combine(_recipes, "media", Path.GetFileName(image)));
        }
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["LearningHub:RecipesPath"] = _recipes,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_recipes, recursive: true);
    }
}
