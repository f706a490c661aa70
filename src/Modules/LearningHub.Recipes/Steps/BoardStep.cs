using System.Text.RegularExpressions;
using LearningHub.Core.Boards;
using LearningHub.Core.Security;
using LearningHub.Core.Recipes;
using LearningHub.Recipes.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Recipes.Steps;

/// <summary>
/// <c>{ "step": "board", "slug", "name", "shortName", "contactEmail", ... }</c>: creates the board or
/// updates it (matched by slug), and makes it the board the following steps set up. Also the settings a board
/// administrator can change on the settings page: <c>"partners"</c>, <c>"outOfHoursText"</c>,
/// <c>"outOfHoursPhone"</c>, <c>"lawfulBasis"</c> (the privacy notice's lawful bases, in the board's words) and
/// <c>"accessibilityNotes"</c> (problems and testing the accessibility statement adds to what the site knows).
/// Applied again, those settings (name, short name, contact email and phone, and these) are left as the board
/// edited them unless the step says <c>"overwriteEdits": true</c> (<see cref="RecipeEdits"/>).
/// </summary>
public sealed partial class BoardStep : IRecipeStepHandler
{
    /// <summary>First path segments the site itself uses, which a board slug would shadow.</summary>
    private static readonly HashSet<string> ReservedSlugs =
        ["health", "status", "lib", "css", "js", "_content", "_framework", "account", "admin", "api", "favicon.ico"];

    public string StepName => "board";

    public bool RequiresBoard => false;

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var slug = step.String("slug", 40);
        if (!SlugPattern().IsMatch(slug) || ReservedSlugs.Contains(slug))
        {
            throw step.Fail("slug", $"'{slug}' must be 2–40 lower-case letters, digits or hyphens, start with a letter, and not be one of: {string.Join(", ", ReservedSlugs)}.");
        }

        var contactEmail = step.String("contactEmail", 256);
        if (!System.Net.Mail.MailAddress.TryCreate(contactEmail, out _))
        {
            throw step.Fail("contactEmail", $"'{contactEmail}' is not an email address.");
        }

        var board = await context.Db.Boards.SingleOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        var isNew = board is null;
        board ??= new Board { Slug = slug, Name = "", ShortName = "", ContactEmail = "", CreatedUtc = DateTime.UtcNow };
        var name = step.String("name", 200);
        var shortName = step.String("shortName", 20);
        var contactPhone = step.OptionalString("contactPhone", 40);
        var partners = step.OptionalString("partners");
        var outOfHoursText = step.OptionalString("outOfHoursText");
        var outOfHoursPhone = step.OptionalString("outOfHoursPhone", 40);
        var lawfulBasis = step.OptionalString("lawfulBasis", 4000);
        var accessibilityNotes = step.OptionalString("accessibilityNotes", 4000);
        if (RecipeEdits.MayWrite(board, step))
        {
            board.Name = name;
            board.ShortName = shortName;
            board.ContactEmail = contactEmail;
            board.ContactPhone = contactPhone;
            board.PartnersText = partners;
            board.OutOfHoursText = outOfHoursText;
            board.OutOfHoursPhone = outOfHoursPhone;
            board.LawfulBasisText = lawfulBasis;
            board.AccessibilityNotesText = accessibilityNotes;
            RecipeEdits.Written(board);
        }

        board.Description = step.OptionalString("description");
        board.WebsiteUrl = step.OptionalString("websiteUrl", 400);

        if (step.OptionalObject("defaults") is { } defaults)
        {
            board.WaitlistOfferHours = defaults.OptionalInt("waitlistOfferHours", 1, 336) ?? board.WaitlistOfferHours;
            board.ReminderDaysBefore = defaults.OptionalInt("reminderDaysBefore", 0, 60) ?? board.ReminderDaysBefore;
            board.CancellationCutoffWorkingDays = defaults.OptionalInt("cancellationCutoffWorkingDays", 0, 60) ?? board.CancellationCutoffWorkingDays;
            board.FollowUpDays = defaults.OptionalInt("followUpDays", 1, 730) ?? board.FollowUpDays;
        }

        if (isNew)
        {
            context.Db.Boards.Add(board);
        }

        context.Boards.Use(BoardInfo.From(board));

        if (isNew)
        {
            // A new board starts with every module's default grants; a 'roles' step may change them.
            var catalog = context.Services.GetRequiredService<PermissionCatalog>();
            foreach (var (role, permission) in catalog.DefaultGrants())
            {
                context.Db.BoardRolePermissions.Add(new BoardRolePermission { Role = role, Permission = permission });
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex SlugPattern();
}
