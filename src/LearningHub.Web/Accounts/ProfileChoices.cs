using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Accounts;

/// <summary>
/// What a person says about their work, on the registration and "your details" pages. Display orders
/// keep the error summary in the order of the fields on the page.
/// </summary>
public class ProfileInput
{
    [Display(Order = 1)]
    [Required(ErrorMessage = "Enter your full name")]
    [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
    public string? FullName { get; set; }

    [Display(Order = 3)]
    [Required(ErrorMessage = "Select the agency you work for")]
    public Guid? AgencyId { get; set; }

    [Display(Order = 4)]
    [Required(ErrorMessage = "Enter your job role")]
    [StringLength(200, ErrorMessage = "Job role must be 200 characters or fewer")]
    public string? JobRole { get; set; }

    [Display(Order = 5)]
    [Required(ErrorMessage = "Select the locality you mainly work in")]
    public Guid? LocalityId { get; set; }

    [Display(Order = 6)]
    [EmailAddress(ErrorMessage = "Enter your line manager's email address in the correct format, like name@example.org")]
    [StringLength(256, ErrorMessage = "Line manager's email address must be 256 characters or fewer")]
    public string? LineManagerEmail { get; set; }

    public string? LineManagerEmailOrNull => string.IsNullOrWhiteSpace(LineManagerEmail) ? null : LineManagerEmail.Trim();

    public static ProfileInput From(ApplicationUser user) => new()
    {
        FullName = user.FullName,
        AgencyId = user.AgencyId,
        JobRole = user.JobRole,
        LocalityId = user.LocalityId,
        LineManagerEmail = user.LineManagerEmail,
    };

    private void ApplyTo(ApplicationUser user)
    {
        user.FullName = FullName!.Trim();
        user.AgencyId = AgencyId;
        user.JobRole = JobRole!.Trim();
        user.LocalityId = LocalityId;
        user.LineManagerEmail = LineManagerEmailOrNull;
    }

    /// <summary>
    /// Saves the checked answers on the account and issues a fresh sign-in cookie, which carries the name shown
    /// in the header and whether the profile is complete.
    /// </summary>
    public async Task SaveToAsync(ApplicationUser user, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn)
    {
        ApplyTo(user);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not save details: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await signIn.RefreshSignInAsync(user);
    }

    /// <summary>Whether the account has what reach reporting needs: agency (and so sector), job role and locality.</summary>
    public static bool IsComplete(ApplicationUser user) =>
        user.AgencyId is not null && user.LocalityId is not null && !string.IsNullOrWhiteSpace(user.JobRole);
}

/// <summary>The board's agencies and localities to choose from, and the check that a choice was offered.</summary>
public sealed class ProfileChoices(LearningHubDbContext db)
{
    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Localities { get; private set; } = [];

    public async Task LoadAsync()
    {
        // Ids are formatted here, not in SQL: providers format GUIDs differently (SQLite upper-case).
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new { a.Name, a.Id }).ToListAsync();
        var localities = await db.Localities.AsNoTracking().OrderBy(l => l.SortOrder).Select(l => new { l.Name, l.Id }).ToListAsync();
        Agencies = agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        Localities = localities.Select(l => new SelectListItem(l.Name, l.Id.ToString())).ToList();
    }

    /// <summary>An id from another board (or a made-up one) is "not offered", like an empty choice.</summary>
    public void Validate(ProfileInput input, ModelStateDictionary modelState, string prefix)
    {
        if (input.AgencyId is { } agencyId && Agencies.All(a => a.Value != agencyId.ToString()))
        {
            modelState.AddModelError($"{prefix}.{nameof(ProfileInput.AgencyId)}", "Select the agency you work for from the list");
        }

        if (input.LocalityId is { } localityId && Localities.All(l => l.Value != localityId.ToString()))
        {
            modelState.AddModelError($"{prefix}.{nameof(ProfileInput.LocalityId)}", "Select the locality you mainly work in from the list");
        }
    }
}
