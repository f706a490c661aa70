namespace LearningHub.Media.Services;

/// <summary>One place an image is used, as a person managing the library would name it.</summary>
/// <param name="AssetId">The image used.</param>
/// <param name="Description">What uses it, e.g. "Cover image of the case module 'Child Q'".</param>
/// <param name="Url">Where to see or change that place (board-relative path), if there is a page for it.</param>
/// <param name="Url">Where the use can be changed, as a path within the board (<c>BoardLinks.PathInBoard</c>), or null.</param>
public sealed record MediaUsage(Guid AssetId, string Description, string? Url);

/// <summary>
/// Implemented by each module that refers to library images (Cases for covers and section images,
/// Events for event and roadshow images) and registered with
/// <c>services.AddScoped&lt;IMediaUsageSource, CaseMediaUsage&gt;()</c>. The library asks every source
/// where an image is used before it lets anyone delete it, and lists the answers on the image's page.
/// Called inside a request for the current board; query only the current board's rows (the board
/// query filter does that for you).
/// </summary>
public interface IMediaUsageSource
{
    Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken);
}
