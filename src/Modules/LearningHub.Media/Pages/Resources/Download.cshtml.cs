using LearningHub.Core.Pages;
using LearningHub.Media.Documents;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Media.Pages.Resources;

/// <summary>
/// A resource's document, as an attachment under its uploaded name with the content type its bytes proved
/// (never the type the uploader's browser claimed), so it is saved rather than shown inside the site.
/// </summary>
public sealed class DownloadModel(ResourceLibrary library) : BoardPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { Kind: { } kind } resource)
        {
            return NotFound();
        }

        var path = library.FilePath(resource);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        var name = resource.FileName ?? $"{resource.Title}.{DocumentSniffer.Extension(kind)}";
        return PhysicalFile(path, DocumentSniffer.ContentType(kind), name);
    }
}
