using System.Globalization;

namespace LearningHub.Media.Services;

/// <summary>What a person is told when an upload is refused (GOV.UK file upload error wording).</summary>
public static class MediaMessages
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public const string NoFile = "Select an image to upload";

    public const string NotAnImage = "The selected file must be a JPG, PNG, WebP or GIF image";

    public const string Unreadable = "The selected file could not be read as an image. It may be damaged: open it, save it again and upload the new copy";

    public const string Unavailable = "Images cannot be uploaded at the moment because the server's image processor (libvips) is not installed. Try again later, or tell the site administrator";

    public const string AltTextMissing = "Enter alt text, or select that the image is decorative";

    public const string AltTextTooLong = "Alt text must be 1,000 characters or fewer";

    public static string TooLarge(long maxBytes) =>
        $"The selected file must be smaller than {maxBytes / (1024.0 * 1024.0):0.#}MB";

    public static string TooManyPixels(int width, int height, long maxPixels) =>
        string.Format(English, "The image is {0:N0} × {1:N0} pixels, which is too large to use. It must be {2:0.#} million pixels or fewer, for example 8,000 × 6,000",
            width, height, maxPixels / 1_000_000.0);

    public static string Duplicate(string name) => $"This image is already in the media library as ‘{name}’";

    public const string NoDocument = "Select a file to upload";

    public const string NotADocumentName = "The selected file must be a PDF, Word document (.docx) or PowerPoint presentation (.pptx)";

    /// <summary>The name says one kind and the bytes another (or none): a renamed file, or a damaged one.</summary>
    public static string NotWhatItsNameSays(string kindName) =>
        $"The selected file is not a {kindName}, whatever its name says. Open it, save it again as a {kindName} and upload the new copy";
}
