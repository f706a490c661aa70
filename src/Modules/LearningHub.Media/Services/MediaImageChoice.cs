namespace LearningHub.Media.Services;

/// <summary>
/// What the shared partial <c>_MediaImageChoice</c> needs to offer the board's library images as radios
/// (plus "none"), for a page that lets someone choose a cover image.
/// </summary>
/// <param name="Field">The bound property's name, which is also the radios' name and the error summary's anchor.</param>
/// <param name="Current">The chosen image's id as text, or null/empty for none.</param>
/// <param name="Heading">The page's heading, shown as the fieldset's legend.</param>
/// <param name="Purpose">One sentence on where the image is shown.</param>
public sealed record MediaImageChoice(string Field, string? Current, IReadOnlyList<MediaImage> Images, string Heading, string Purpose)
{
    /// <summary>
    /// Reads the posted choice: null for none, the id when it is one of <see cref="Images"/> (the library's
    /// queries are scoped to the board, so another board's image is never among them), otherwise an error.
    /// </summary>
    public static (Guid? ImageId, bool Valid) Read(string? posted, IReadOnlyList<MediaImage> images)
    {
        if (string.IsNullOrEmpty(posted))
        {
            return (null, true);
        }

        return Guid.TryParse(posted, out var id) && images.Any(i => i.Id == id) ? (id, true) : (null, false);
    }

    public const string NotOffered = "Choose one of the images in the list, or no image";
}
