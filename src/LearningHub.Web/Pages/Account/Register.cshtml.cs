using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Accounts;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Web.Accounts;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using System.Text;

namespace LearningHub.Web.Pages.Account;

[EnableRateLimiting(HostSetup.AccountRateLimit)]
public sealed class RegisterModel(
    BoardContext boards,
    LearningHubDbContext db,
    UserManager<ApplicationUser> users,
    AccountMail mail) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public BoardInfo Board => boards.Required;

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Localities { get; private set; } = [];

    public async Task OnGetAsync() => await LoadListsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadListsAsync();
        // An id from another board (or a made-up one) is "not offered", like an empty choice.
        if (Input.AgencyId is { } agencyId && Agencies.All(a => a.Value != agencyId.ToString()))
        {
            ModelState.AddModelError("Input.AgencyId", "Select the agency you work for from the list");
        }

        if (Input.LocalityId is { } localityId && Localities.All(l => l.Value != localityId.ToString()))
        {
            ModelState.AddModelError("Input.LocalityId", "Select the locality you mainly work in from the list");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", "An account with this email address already exists. Sign in, or reset your password if you have forgotten it");
            return Page();
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            FullName = Input.FullName!.Trim(),
            AgencyId = Input.AgencyId,
            JobRole = Input.JobRole!.Trim(),
            LocalityId = Input.LocalityId,
            LineManagerEmail = string.IsNullOrWhiteSpace(Input.LineManagerEmail) ? null : Input.LineManagerEmail.Trim(),
            CreatedUtc = DateTime.UtcNow,
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, Input.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }

            return Page();
        }

        var roles = await users.AddToRoleAsync(user, BoardRoles.Practitioner);
        if (!roles.Succeeded)
        {
            throw new InvalidOperationException("Could not give a new account the Practitioner role.");
        }

        await transaction.CommitAsync();

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = $"{Request.Scheme}://{Request.Host}/{Board.Slug}/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}";
        await mail.SendConfirmationAsync(user, link);
        return RedirectToPage("/Account/CheckEmail", new { board = Board.Slug });
    }

    private async Task LoadListsAsync()
    {
        // Ids are formatted here, not in SQL: providers format GUIDs differently (SQLite upper-case).
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new { a.Name, a.Id }).ToListAsync();
        var localities = await db.Localities.AsNoTracking().OrderBy(l => l.SortOrder).Select(l => new { l.Name, l.Id }).ToListAsync();
        Agencies = agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        Localities = localities.Select(l => new SelectListItem(l.Name, l.Id.ToString())).ToList();
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
        public string? FullName { get; set; }

        [Required(ErrorMessage = "Enter your work email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Select the agency you work for")]
        public Guid? AgencyId { get; set; }

        [Required(ErrorMessage = "Enter your job role")]
        [StringLength(200, ErrorMessage = "Job role must be 200 characters or fewer")]
        public string? JobRole { get; set; }

        [Required(ErrorMessage = "Select the locality you mainly work in")]
        public Guid? LocalityId { get; set; }

        [EmailAddress(ErrorMessage = "Enter your line manager's email address in the correct format, like name@example.org")]
        [StringLength(256, ErrorMessage = "Line manager's email address must be 256 characters or fewer")]
        public string? LineManagerEmail { get; set; }

        [Required(ErrorMessage = "Create a password")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Password must be at least 10 characters")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Confirm your password")]
        [Compare(nameof(Password), ErrorMessage = "Passwords do not match. Enter the same password twice")]
        public string? ConfirmPassword { get; set; }
    }
}
