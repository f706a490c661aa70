using LearningHub.Core.Data;
using LearningHub.Core.Pages;
using LearningHub.Core.Taxonomies;
using LearningHub.Core.Validation;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace LearningHub.Forms.Pages.Admin.Forms;

/// <summary>A form's results: counts, distributions, free text, the before / after / later comparison, and CSV.</summary>
[Authorize(Policy = FormsPermissions.Results)]
public sealed class ResultsModel(LearningHubDbContext db, FormEditor editor, FormResults results, FormContextNames contextNames) : BoardPageModel
{
    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    public FormResultsView View { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Localities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Sectors { get; } =
        Enum.GetValues<Sector>().Select(s => new SelectListItem(s.DisplayName(), s.ToString())).ToList();

    public IReadOnlyList<SelectListItem> Contexts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        // A filter that does not parse is not applied; a date that is not a real date is shown as an error.
        ModelState.Clear();
        var form = await editor.FindAsync(id);
        if (form is null)
        {
            return NotFound();
        }

        View = await results.ForFormAsync(form, ToFilter());
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync();
        Localities = await db.Localities.AsNoTracking().OrderBy(l => l.SortOrder).Select(l => new SelectListItem(l.Name, l.Id.ToString())).ToListAsync();
        var names = await contextNames.NamesAsync(View.Contexts);
        Contexts = View.Contexts.Select(c => new SelectListItem(names[c], c)).OrderBy(c => c.Text, StringComparer.CurrentCulture).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id)
    {
        var form = await editor.FindAsync(id);
        if (form is null)
        {
            return NotFound();
        }

        var text = new StringWriter();
        await results.WriteCsvAsync(form, ToFilter(), text, HttpContext.RequestAborted);
        Response.Headers.CacheControl = "private, no-store";
        return CsvDownload.Of(text.ToString(), $"{form.Key}-results.csv");
    }

    /// <summary>The answers as CSV, filtered as the page is (the filters are this page's query string).</summary>
    public string CsvUrl
    {
        get
        {
            var values = new RouteValueDictionary { ["id"] = View.Form.Id };
            foreach (var (name, value) in Request.Query)
            {
                values.TryAdd(name, value.ToString());
            }

            return Url.Page("/Admin/Forms/Results", "Csv", values)!;
        }
    }

    private ResultsFilter ToFilter() => new(
        FormContexts.IsValid(Filter.Context) ? Filter.Context : null,
        Filter.Agency, Filter.Sector, Filter.Locality,
        Filter.From.Read(ModelState, "Filter.From", "the ‘answered on or after’ date", required: false),
        Filter.To.Read(ModelState, "Filter.To", "the ‘answered on or before’ date", required: false));

    public sealed class FilterInput
    {
        public string? Context { get; set; }

        public Guid? Agency { get; set; }

        public Sector? Sector { get; set; }

        public Guid? Locality { get; set; }

        public DateInput From { get; set; } = new();

        public DateInput To { get; set; } = new();
    }
}
