using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Security;
using LearningHub.Core.Taxonomies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Pages.Admin.Agencies;

/// <summary>Renames an agency, moves it to another sector or records roughly how many practitioners it has. The board filter makes another board's agency a 404.</summary>
[Authorize(Policy = CorePermissions.ManageTaxonomies)]
public sealed class EditModel(LearningHubDbContext db, AgencyChanges agencies) : BoardPageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Sectors { get; } =
        Enum.GetValues<Sector>().Select(s => new SelectListItem(s.DisplayName(), s.ToString())).ToList();

    public async Task OnGetAsync(Guid id)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id).OrNotFound();
        Input = new AgencyInput { Name = agency.Name, Sector = agency.Sector, Workforce = agency.Workforce };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!ModelState.IsValid)
        {
            // Another board's agency is not found, even when the form is wrong.
            return await db.Agencies.AnyAsync(a => a.Id == id) ? Page() : NotFound();
        }

        return await agencies.UpdateAsync(id, Input.Name!.Trim(), Input.Sector!.Value, Input.Workforce)
            ? RedirectToPage("/Admin/Agencies/Index")
            : NotFound();
    }

    public sealed class AgencyInput
    {
        [Required(ErrorMessage = "Enter the agency's name")]
        [StringLength(200, ErrorMessage = "Agency name must be 200 characters or fewer")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Select the agency's sector")]
        [EnumDataType(typeof(Sector), ErrorMessage = "Select the agency's sector from the list")]
        public Sector? Sector { get; set; }

        [Range(1, 1_000_000, ErrorMessage = "The number of practitioners must be a whole number between 1 and 1,000,000")]
        public int? Workforce { get; set; }
    }
}
