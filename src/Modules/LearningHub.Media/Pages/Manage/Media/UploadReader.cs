using LearningHub.Media.Services;
using Microsoft.AspNetCore.Http;

namespace LearningHub.Media.Pages.Manage.Media;

/// <summary>Reads a posted file into memory, refusing an empty or oversized one before reading it.</summary>
internal static class UploadReader
{
    public static async Task<(UploadedFile? File, string? Error)> ReadAsync(IFormFile? file, MediaOptions options, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (null, MediaMessages.NoFile);
        }

        if (file.Length > options.MaxUploadBytes)
        {
            return (null, MediaMessages.TooLarge(options.MaxUploadBytes));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return (new UploadedFile(file.FileName, buffer.ToArray()), null);
    }
}
