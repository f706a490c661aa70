using LearningHub.Core.Boards;
using LearningHub.Media.Imaging;

namespace LearningHub.Media.Domain;

/// <summary>
/// An image in a board's media library. Its files (renditions, and the original if the board keeps
/// originals) are named by <see cref="ContentHash"/>, so a replaced image gets new addresses and old
/// cached copies can never be served in its place.
/// </summary>
public class MediaAsset : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>SHA-256 of the uploaded bytes, lower-case hex.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The uploaded file's name, shown in the library and searched.</summary>
    public required string OriginalName { get; set; }

    /// <summary>Text alternative for people who cannot see the image; null when <see cref="Decorative"/>.</summary>
    public string? AltText { get; set; }

    /// <summary>Chosen by the uploader: the image adds nothing a screen reader user needs, so its alt is empty.</summary>
    public bool Decorative { get; set; }

    /// <summary>Size of the original, upright (after its EXIF orientation).</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    public ImageKind Kind { get; set; }

    public long ByteSize { get; set; }

    /// <summary>Whether the uploaded file itself is stored (a board setting at the time of upload).</summary>
    public bool OriginalKept { get; set; }

    public required string CreatedByUserId { get; set; }

    public required string CreatedByName { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ReplacedUtc { get; set; }

    /// <summary>
    /// The key a recipe's media step gave the image (<c>pattern-blue</c>), which other steps use to refer to it
    /// (<c>"cover": "media:pattern-blue"</c>); null for images uploaded on the library pages.
    /// </summary>
    public string? RecipeKey { get; set; }
}

/// <summary>A board's media settings: one row per board, absent means the defaults.</summary>
public class MediaBoardSettings : IBoardOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    /// <summary>
    /// Keep the uploaded file as well as the renditions. Off by default: the original may carry
    /// metadata (GPS position, camera serial) that the stripped renditions do not.
    /// </summary>
    public bool KeepOriginals { get; set; }
}
