using LearningHub.Core.Hosting;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Http;

namespace LearningHub.Media.Pages.Manage.Media;

/// <summary>Reads a posted file into memory, refusing an empty or oversized one before reading it.</summary>
internal static class UploadReader
{
    /// <summary>
    /// The file posted in the form field <paramref name="field"/>. One over the host's upload limit (see
    /// <see cref="UploadLimits"/>, raised to <see cref="MediaOptions.MaxUploadBytes"/>) never reaches the page:
    /// the host dropped it while reading the form and says so here.
    /// </summary>
    public static Task<(UploadedFile? File, string? Error)> ReadAsync(HttpContext context, string field, IFormFile? file, MediaOptions options,
        CancellationToken cancellationToken) =>
        ReadAsync(context, field, file, options.MaxUploadBytes, MediaMessages.NoFile, cancellationToken);

    /// <summary>The same for any limit (a resource document's is <see cref="MediaOptions.MaxResourceBytes"/>) and "no file" message.</summary>
    public static async Task<(UploadedFile? File, string? Error)> ReadAsync(HttpContext context, string field, IFormFile? file, long maxBytes,
        string noFile, CancellationToken cancellationToken)
    {
        if (context.PostedFileWasTooLarge(field))
        {
            return (null, MediaMessages.TooLarge(maxBytes));
        }

        if (file is null || file.Length == 0)
        {
            return (null, noFile);
        }

        if (file.Length > maxBytes)
        {
            return (null, MediaMessages.TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return (new UploadedFile(file.FileName, buffer.ToArray()), null);
    }
}
