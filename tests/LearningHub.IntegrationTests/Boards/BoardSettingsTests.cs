using System.Net;
using System.Text.Json.Nodes;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Boards;

/// <summary>
/// A board administrator changes the board's name, contacts and footer (partners, the out-of-hours line) on the
/// settings page: refused values come back at the field, a change is audited and shows on the next page at once,
/// and applying the board's recipe again keeps the board's edits unless the recipe says <c>overwriteEdits</c>.
/// </summary>
public sealed class BoardSettingsTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private const string SettingsPage = "/norfolk/admin/settings";

    private static string RecipePath(string board) => Path.Combine(AppContext.BaseDirectory, "recipes", $"{board}.recipe.json");

    private static Dictionary<string, string> Form(Action<Dictionary<string, string>> change)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Norfolk Safeguarding Children Board",
            ["Input.ShortName"] = "NSCB",
            ["Input.ContactEmail"] = "nscb@norfolk.example",
            ["Input.ContactPhone"] = "01603 000000",
            ["Input.FooterText"] = "",
            ["Input.PartnersText"] = "",
            ["Input.OutOfHoursText"] = "",
            ["Input.OutOfHoursPhone"] = "",
            ["Input.LawfulBasisText"] = "",
            ["Input.AccessibilityNotesText"] = "",
        };
        change(fields);
        return fields;
    }

    [Fact]
    public async Task The_recipe_fills_the_footer_with_the_boards_partners_and_out_of_hours_line()
    {
        var essex = await factory.CreateBrowserClient().GetDocumentAsync("/essex");
        var footer = essex.QuerySelector("footer")!;

        Assert.Contains("If a child is at risk now", footer.QuerySelector(".lh-footer-at-risk h2")!.TextContent);
        Assert.Contains("call 999", footer.QuerySelector(".lh-footer-at-risk")!.TextContent);
        Assert.Equal("tel:03330000001", footer.QuerySelector(".lh-footer-at-risk a")!.GetAttribute("href"));
        Assert.Contains("Essex Police", footer.QuerySelector(".lh-footer-partners")!.TextContent);
        Assert.NotNull(footer.QuerySelector("a[href='/essex/privacy']"));
    }

    [Fact]
    public async Task An_administrator_changes_the_settings_the_change_is_audited_and_every_page_shows_it_at_once()
    {
        var visitor = factory.CreateBrowserClient();
        // The board is cached (BoardDirectory) by this first visit; the change must show all the same.
        Assert.DoesNotContain("social worker on duty tonight", (await visitor.GetDocumentAsync("/norfolk")).QuerySelector("footer")!.TextContent);

        var practitioner = factory.CreateBrowserClient();
        await practitioner.SignInAsync("norfolk", "practitioner@norfolk.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync(SettingsPage)).StatusCode);

        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync("norfolk", "admin@norfolk.demo");
        var form = await admin.GetDocumentAsync(SettingsPage);
        Assert.Equal("NSCB", form.QuerySelector("#Input_ShortName")!.GetAttribute("value"));
        Assert.Contains("Norfolk Constabulary", form.QuerySelector("#Input_PartnersText")!.TextContent);

        var refused = await (await admin.SubmitFormAsync(SettingsPage, Form(f =>
        {
            f["Input.Name"] = "";
            f["Input.ContactEmail"] = "not an address";
            f["Input.OutOfHoursText"] = "Typed, and kept when the form comes back";
        }))).ParseAsync();
        Assert.NotNull(refused.QuerySelector(".govuk-error-summary a[href='#Input_Name']"));
        Assert.NotNull(refused.QuerySelector(".govuk-error-summary a[href='#Input_ContactEmail']"));
        Assert.Contains("Enter an email address in the correct format", refused.QuerySelector("#Input_ContactEmail-error")!.TextContent);
        Assert.Equal("not an address", refused.QuerySelector("#Input_ContactEmail")!.GetAttribute("value"));
        Assert.Equal("Typed, and kept when the form comes back", refused.QuerySelector("#Input_OutOfHoursText")!.TextContent.Trim());
        Assert.Equal("Norfolk Safeguarding Children Board", await factory.WithBoardAsync("norfolk", db => db.Boards.Where(b => b.Slug == "norfolk").Select(b => b.Name).SingleAsync()));

        var saved = await admin.SubmitFormAsync(SettingsPage, Form(f =>
        {
            f["Input.Name"] = "Norfolk Safeguarding Children Partnership";
            f["Input.ShortName"] = "NSCP";
            f["Input.OutOfHoursText"] = "Ring the social worker on duty tonight, or 999 if a child is in immediate danger.";
            f["Input.OutOfHoursPhone"] = "0344 800 8020";
            f["Input.PartnersText"] = "Norfolk County Council, Norfolk Constabulary and the NHS in Norfolk and Waveney.";
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = await visitor.GetDocumentAsync("/norfolk");
        Assert.Contains("Norfolk Safeguarding Children Partnership", home.QuerySelector("title")!.TextContent);
        Assert.Equal("Norfolk Safeguarding Children Partnership", home.QuerySelector(".lh-header__board-name")!.TextContent.Trim());
        var footer = home.QuerySelector("footer")!;
        Assert.Contains("social worker on duty tonight", footer.QuerySelector(".lh-footer-at-risk")!.TextContent);
        Assert.Equal("tel:03448008020", footer.QuerySelector(".lh-footer-at-risk a")!.GetAttribute("href"));
        // Norfolk's theme dresses the partners its own way; the words are the board's setting.
        Assert.Contains("the NHS in Norfolk and Waveney", footer.QuerySelector(".lh-norfolk-partners")!.TextContent);

        var entry = await factory.WithBoardAsync("norfolk", db => db.Set<AuditEntry>().SingleAsync(e => e.Action == BoardSettingsChanges.Changed));
        Assert.Equal("Norfolk Safeguarding Children Partnership", entry.TargetLabel);
        Assert.Contains("\"ShortName\":\"NSCB\"", entry.ChangesJson);
        Assert.Contains("\"ShortName\":\"NSCP\"", entry.ChangesJson);
        Assert.Contains("\"OutOfHoursPhone\":\"0344 800 8020\"", entry.ChangesJson);
        Assert.DoesNotContain("ContactEmail", entry.ChangesJson);

        // Saving the same again changes nothing and writes no second entry.
        await admin.SubmitFormAsync(SettingsPage, Form(f =>
        {
            f["Input.Name"] = "Norfolk Safeguarding Children Partnership";
            f["Input.ShortName"] = "NSCP";
            f["Input.OutOfHoursText"] = "Ring the social worker on duty tonight, or 999 if a child is in immediate danger.";
            f["Input.OutOfHoursPhone"] = "0344 800 8020";
            f["Input.PartnersText"] = "Norfolk County Council, Norfolk Constabulary and the NHS in Norfolk and Waveney.";
        }));
        Assert.Equal(1, await factory.WithBoardAsync("norfolk", db => db.Set<AuditEntry>().CountAsync(e => e.Action == BoardSettingsChanges.Changed)));
    }

    [Fact]
    public async Task Applying_the_recipe_again_keeps_what_the_board_edited_unless_the_recipe_says_to_overwrite_edits()
    {
        var executor = factory.Services.GetRequiredService<RecipeExecutor>();
        await factory.WithBoardServicesAsync("essex", async services =>
        {
            var settings = services.GetRequiredService<BoardSettingsChanges>();
            var current = await settings.CurrentAsync();
            return await settings.SaveAsync(current with { Name = "Essex Safeguarding Children Partnership", FooterText = "The board's own footer" });
        });

        await executor.ApplyFileAsync(RecipePath("essex"));

        var kept = await factory.WithBoardAsync("essex", db => db.Boards.AsNoTracking().SingleAsync(b => b.Slug == "essex"));
        Assert.Equal("Essex Safeguarding Children Partnership", kept.Name);
        Assert.Equal("The board's own footer", kept.FooterText);
        Assert.NotNull(kept.EditedSinceRecipeUtc);
        // What the settings page does not edit is still the recipe's to set.
        Assert.Equal("Essex", kept.ThemeName);
        Assert.Contains("The board's own footer", (await factory.CreateBrowserClient().GetDocumentAsync("/essex")).QuerySelector("footer")!.TextContent);

        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(RecipePath("essex")))!.AsObject();
        foreach (var step in recipe["steps"]!.AsArray().Select(s => s!.AsObject()).Where(s => (string?)s["step"] is "board" or "theme"))
        {
            step["overwriteEdits"] = true;
        }

        await executor.ApplyAsync("essex.recipe.json", recipe.ToJsonString());

        var overwritten = await factory.WithBoardAsync("essex", db => db.Boards.AsNoTracking().SingleAsync(b => b.Slug == "essex"));
        Assert.Equal("Essex Safeguarding Children Board", overwritten.Name);
        Assert.StartsWith("If you think a child is at immediate risk of harm", overwritten.FooterText);
        Assert.Null(overwritten.EditedSinceRecipeUtc);
    }
}
