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
/// updates it (matched by slug), and makes it the board the following steps set up.
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
        board.Name = step.String("name", 200);
        board.ShortName = step.String("shortName", 20);
        board.ContactEmail = contactEmail;
        board.Description = step.OptionalString("description");
        board.ContactPhone = step.OptionalString("contactPhone", 40);
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
