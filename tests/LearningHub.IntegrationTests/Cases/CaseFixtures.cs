using System.Text.Json.Nodes;
using LearningHub.Cases;
using LearningHub.Recipes.Services;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Tests.Cases.Fixtures;

/// <summary>
/// Small case modules for tests, applied with the real <c>cases</c> recipe step on top of a board's real
/// recipe (its board step, and its roles step with the Cases permissions added, as the real recipes will grant them).
/// Shared with the E2E tests (linked into that project).
/// </summary>
public static class CaseFixtures
{
    public static JsonObject RealStep(string board, string stepName)
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", $"{board}.recipe.json")))!;
        return (JsonObject)recipe["steps"]!.AsArray().First(s => (string?)s!["step"] == stepName)!.DeepClone();
    }

    /// <summary>The board's roles with the Cases permissions granted to the roles that have them by default.</summary>
    public static JsonObject RolesWithCasesPermissions(string board)
    {
        var roles = RealStep(board, "roles");
        foreach (var role in roles["roles"]!.AsArray())
        {
            var permissions = role!["permissions"]!.AsArray();
            foreach (var permission in new CasesPermissions().GetPermissions().Where(p => p.DefaultRoles.Contains((string)role["name"]!)))
            {
                permissions.Add(permission.Name);
            }
        }

        return roles;
    }

    public static string Recipe(string board, params JsonObject[] modules)
    {
        var recipe = new JsonObject
        {
            ["name"] = $"Test case modules for {board}",
            ["steps"] = new JsonArray(RealStep(board, "board"), RolesWithCasesPermissions(board),
                new JsonObject { ["step"] = "cases", ["modules"] = new JsonArray(modules.Select(m => (JsonNode)m).ToArray()) }),
        };
        return recipe.ToJsonString();
    }

    public static Task ApplyAsync(IServiceProvider services, string board, params JsonObject[] modules) =>
        services.GetRequiredService<RecipeExecutor>().ApplyAsync($"{board}-cases-test.recipe.json", Recipe(board, modules));

    /// <summary>A Child V-like module: three sections, two with reflective questions, a chronology, findings and six recommendations.</summary>
    public static JsonObject ChildV(string slug = "child-v", string title = "Child V")
    {
        var module = Module(slug, title,
            "A baby whose parents needed an interpreter was seriously injured; agencies did not use interpreters or share what they knew.",
            ["discussion-and-information-sharing"], ["cultural-competence-and-interpreters"]);
        module["sections"]![0]!["body"] = "The family spoke little English. Professionals relied on the father to *interpret*.";
        module["sections"]![0]!["reflectiveQuestions"]![0]!["text"] = "When did you last use a professional interpreter?";
        module["findings"]![0]!["text"] = "Interpreters were not used.";
        return module;
    }

    public static JsonObject Module(string slug, string title, string summary, string[] themes, string[] topics) => new()
    {
        ["slug"] = slug,
        ["title"] = title,
        ["reviewType"] = "Serious Case Review",
        ["publishedOn"] = "2017-03-01",
        ["summary"] = summary,
        ["contentWarning"] = "This module describes injuries to a baby.",
        ["supportSignposting"] = "Talk to your line manager or use supervision.",
        ["themes"] = new JsonArray(themes.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        ["topics"] = new JsonArray(topics.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        ["keyMessages"] = new JsonArray("Use a professional interpreter.", "Ask who else lives in the home."),
        ["sections"] = new JsonArray(
            new JsonObject
            {
                ["kind"] = "Summary",
                ["title"] = "What happened",
                ["body"] = "The family was known to several agencies.",
                ["reflectiveQuestions"] = new JsonArray(
                    new JsonObject { ["key"] = "interpreter-use", ["text"] = "What would you have asked the family?", ["hint"] = "Think of your last home visit" }),
            },
            new JsonObject { ["kind"] = "Chronology", ["title"] = "What happened when", ["body"] = "The key events." },
            new JsonObject
            {
                ["kind"] = "Learning activities",
                ["title"] = "Reflect on your practice",
                ["body"] = "Discuss with your team.",
                ["reflectiveQuestions"] = new JsonArray(
                    new JsonObject { ["key"] = "share-information", ["text"] = "What would you share, and with whom?" },
                    new JsonObject { ["key"] = "change-practice", ["text"] = "What will you do differently?" }),
            }),
        ["chronology"] = new JsonArray(
            new JsonObject { ["when"] = "March 2016", ["what"] = "Baby born.", ["agencies"] = "Midwifery" },
            new JsonObject { ["when"] = "June 2016", ["what"] = "Injury found at hospital.", ["agencies"] = "Hospital, Police" }),
        ["findings"] = new JsonArray(
            new JsonObject { ["text"] = "Agencies did not talk to each other.", ["theme"] = "discussion-and-information-sharing" },
            new JsonObject { ["text"] = "Nobody asked who else lived in the home.", ["theme"] = "professional-curiosity", ["linesOfEnquiry"] = "Who is in the household?" }),
        ["recommendations"] = new JsonArray(Enumerable.Range(1, 6).Select(i => (JsonNode)new JsonObject
        {
            ["number"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = $"Recommendation {i} in the board's words.",
            ["rationale"] = $"Why {i}.",
            ["theme"] = "ownership-and-accountability",
            ["scope"] = i % 2 == 0 ? "Multi-agency" : "Single agency",
            ["status"] = "Accepted",
        }).ToArray()),
        ["boardResponse"] = "The board wrote to every agency.",
    };
}
