using System.Net;
using LearningHub.Core;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Events;
using LearningHub.IntegrationTests.Forms;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.IntegrationTests.Data;

/// <summary>
/// References belong to the board: a saved row names only rows of its own board (<see cref="BoardReferences"/> in the
/// DbContext's save), and a page that posted another board's id shows a field error for it, keeping what was typed.
/// </summary>
public sealed class BoardReferenceTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private async Task<(Guid Roadshow, Guid Locality, Guid Theme)> EssexRowsAsync() =>
        await factory.WithBoardAsync("essex", async db =>
        {
            var roadshow = new Roadshow { Title = "Essex roadshow", Summary = "Essex only.", CreatedUtc = DateTime.UtcNow };
            db.Add(roadshow);
            await db.SaveChangesAsync();
            return (roadshow.Id, (await db.Localities.FirstAsync()).Id, (await db.LearningThemes.FirstAsync()).Id);
        });

    [Fact]
    public async Task An_event_posted_with_another_boards_roadshow_locality_and_theme_is_refused_with_field_errors_and_nothing_saved()
    {
        var (roadshow, locality, theme) = await EssexRowsAsync();
        await factory.GrantEventsManageAsync("norfolk");
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "coordinator@norfolk.demo");
        const string title = "Borrowed from Essex";
        var form = await client.GetDocumentAsync("/norfolk/events/manage/edit");
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/norfolk/events/manage/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Title"] = title,
            ["Input.Summary"] = "What the reviews found.",
            ["Input.Format"] = "Online",
            ["Input.JoiningLink"] = "https://teams.example/borrowed",
            ["Input.Date.Day"] = $"{DateTime.UtcNow.AddDays(40).Day}",
            ["Input.Date.Month"] = $"{DateTime.UtcNow.AddDays(40).Month}",
            ["Input.Date.Year"] = $"{DateTime.UtcNow.AddDays(40).Year}",
            ["Input.StartTime.Hour"] = "10",
            ["Input.StartTime.Minute"] = "00",
            ["Input.EndTime.Hour"] = "11",
            ["Input.EndTime.Minute"] = "30",
            ["Input.Capacity"] = "50",
            ["Input.RoadshowId"] = roadshow.ToString(),
            ["Input.LocalityId"] = locality.ToString(),
            ["Input.ThemeId"] = theme.ToString(),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Select a roadshow from the list", page.QuerySelector(".govuk-error-summary a[href='#Input_RoadshowId']")?.TextContent.Trim());
        Assert.Equal("Select a locality from the list", page.QuerySelector(".govuk-error-summary a[href='#Input_LocalityId']")?.TextContent.Trim());
        Assert.Equal("Select a theme from the list", page.QuerySelector(".govuk-error-summary a[href='#Input_ThemeId']")?.TextContent.Trim());
        Assert.Equal(title, page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.False(await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AnyAsync(e => e.Title == title)));
        Assert.False(await factory.WithBoardAsync("essex", db => db.Set<LearningEvent>().IgnoreQueryFilters().AnyAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task Every_kind_of_reference_to_a_row_that_is_not_of_the_board_is_refused_on_save_naming_the_property()
    {
        var (_, essexLocality, essexTheme) = await EssexRowsAsync();
        await factory.CreateFormAsync("essex", "essex-only-evaluation", FormPurpose.EventEvaluation, false);

        // A foreign key (an account's locality), changed on a row that exists.
        var locality = await Assert.ThrowsAsync<BoardReferenceException>(() => factory.WithBoardAsync("norfolk", async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "practitioner@norfolk.demo");
            user.LocalityId = essexLocality;
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(new BoardReferenceViolation("ApplicationUser", "LocalityId", "locality"), Assert.Single(locality.Violations));
        Assert.NotEqual(essexLocality, await factory.WithBoardAsync("norfolk",
            db => db.Users.Where(u => u.Email == "practitioner@norfolk.demo").Select(u => u.LocalityId).SingleAsync()));

        // Marked references: a form by its key, a theme by its id, and an id that names no row at all, through the synchronous save too.
        var marked = await Assert.ThrowsAsync<BoardReferenceException>(() => factory.WithBoardAsync("norfolk", db =>
        {
            db.Add(new LearningEvent { Title = "Marked", EvaluationFormKey = "essex-only-evaluation", ThemeId = essexTheme, CoverImageId = Guid.NewGuid() });
            return Task.FromResult(db.SaveChanges());
        }));
        Assert.Equal(["CoverImageId", "EvaluationFormKey", "ThemeId"], marked.Violations.Select(v => v.Property).Order());
        Assert.Contains(marked.Violations, v => v.Message == "Select an image from the list");
        Assert.False(await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AnyAsync(e => e.Title == "Marked")));

        // A row of the board added in the same save, and the board's own rows, are fine.
        await factory.WithBoardAsync("norfolk", async db =>
        {
            var added = new Locality { Key = "added-with-its-user", Name = "Added with its user" };
            db.Add(added);
            var user = await db.Users.SingleAsync(u => u.Email == "practitioner@norfolk.demo");
            user.LocalityId = added.Id;
            db.Add(new LearningEvent { Title = "Own rows", ThemeId = (await db.LearningThemes.FirstAsync()).Id, EvaluationFormKey = null });
            return await db.SaveChangesAsync();
        });
        Assert.True(await factory.WithBoardAsync("norfolk", db => db.Set<LearningEvent>().AnyAsync(e => e.Title == "Own rows")));
    }

    [Fact]
    public void Every_id_a_board_owned_row_keeps_is_checked_as_a_foreign_key_or_a_marked_reference()
    {
        using var db = ModelOnlyContext.Create(factory, DatabaseProvider.Sqlite, out _);

        var notChecked = db.Model.GetEntityTypes()
            .Where(t => typeof(IBoardOwned).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetDeclaredProperties().Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.ClrType == typeof(Guid) || x.Property.ClrType == typeof(Guid?))
            .Where(x => x.Property.Name.EndsWith("Id", StringComparison.Ordinal) && x.Property.Name is not (nameof(IBoardOwned.BoardId) or "Id"))
            .Where(x => !x.Property.IsForeignKey() && x.Property.FindAnnotation(BoardReferenceMarks.Annotation) is null)
            .Select(x => $"{x.Type.ClrType.Name}.{x.Property.Name}")
            .Order()
            .ToList();

        Assert.Empty(notChecked);
    }
}
