namespace LearningHub.Media.Services;

/// <summary>One stored rendition: the configured width it is named by, and its real size (never larger than the original).</summary>
public sealed record RenditionSize(int Width, int ActualWidth, int ActualHeight);

/// <summary>
/// What a page needs to show a library image: its addresses, size and text alternative. Other modules
/// get these from <see cref="MediaLibrary"/> and render them with the <c>&lt;media-image&gt;</c> tag helper.
/// </summary>
public sealed record MediaImage(Guid Id, string BoardSlug, string ContentHash, int Width, int Height, string? AltText, bool Decorative,
    IReadOnlyList<RenditionSize> Renditions)
{
    /// <summary>The alt attribute: empty for a decorative image, so screen readers skip it.</summary>
    public string Alt => Decorative ? "" : AltText ?? "";

    public string Url(RenditionSize rendition, string extension) => MediaUrls.Rendition(BoardSlug, ContentHash, rendition.Width, extension);

    public string SrcSet(string extension) => string.Join(", ", Renditions.Select(r => $"{Url(r, extension)} {r.ActualWidth}w"));

    /// <summary>The rendition for browsers that ignore srcset: the middle one, or the largest there is.</summary>
    public RenditionSize Fallback => Renditions[Math.Min(Renditions.Count - 1, 1)];

    /// <summary>
    /// The renditions an image of this size gets: every configured width narrower than it, and the
    /// next one up made at the image's own width (an image is never enlarged).
    /// </summary>
    public static IReadOnlyList<RenditionSize> Plan(int width, int height, IReadOnlyList<int> widths)
    {
        var plan = new List<RenditionSize>();
        foreach (var configured in widths.Order())
        {
            var actual = Math.Min(configured, width);
            plan.Add(new RenditionSize(configured, actual, Math.Max(1, (int)Math.Round((double)height * actual / width))));
            if (configured >= width)
            {
                break;
            }
        }

        return plan;
    }
}

/// <summary>The content-addressed rendition addresses: <c>/{board}/media/{hash}-{width}.{webp|jpg}</c>.</summary>
public static class MediaUrls
{
    /// <summary>The route the rendition endpoint answers; <see cref="Rendition"/> makes its addresses.</summary>
    public const string RenditionRoute = "/{board}/media/{file}";

    public static string Rendition(string boardSlug, string hash, int width, string extension) =>
        $"/{boardSlug}/media/{hash}-{width}.{extension}";
}
