using System.ComponentModel.DataAnnotations;
using LearningHub.Core.Audit;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.Core.Taxonomies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Web.Pages.Admin.Agencies;

/// <summary>Renames an agency or moves it to another sector. The board filter makes another board's agency a 404.</summary>
[Authorize(Policy = CorePermissions.ManageTaxonomies)]
public sealed class EditModel(LearningHubDbContext db, BoardContext boards, AuditLog audit) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public string BoardSlug => boards.Required.Slug;

    public IReadOnlyList<SelectListItem> Sectors { get; } =
        Enum.GetValues<Sector>().Select(s => new SelectListItem(s.DisplayName(), s.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        if (agency is null)
        {
            return NotFound();
        }

        Input = new AgencyInput { Name = agency.Name, Sector = agency.Sector };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id);
        if (agency is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = new { agency.Name, Sector = agency.Sector.ToString() };
        agency.Name = Input.Name!.Trim();
        agency.Sector = Input.Sector!.Value;
        if (before.Name != agency.Name || before.Sector != agency.Sector.ToString())
        {
            audit.Record("taxonomies.agency.updated", new AuditTarget("Agency", agency.Id.ToString(), agency.Name),
                new { before, after = new { agency.Name, Sector = agency.Sector.ToString() } });
        }

        await db.SaveChangesAsync();
        return Redirect($"/{BoardSlug}/admin/agencies");
    }

    public sealed class AgencyInput
    {
        [Required(ErrorMessage = "Enter the agency's name")]
        [StringLength(200, ErrorMessage = "Agency name must be 200 characters or fewer")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Select the agency's sector")]
        [EnumDataType(typeof(Sector), ErrorMessage = "Select the agency's sector from the list")]
        public Sector? Sector { get; set; }
    }
}
