using LearningHub.Content.Domain;
using LearningHub.Media.Services;

namespace LearningHub.Content.Services;

/// <summary>What the shared partial <c>_PageContent</c> shows: a version's words and the library images its text uses.</summary>
public sealed record PageContentView(BoardPageVersion Version, IReadOnlyDictionary<Guid, MediaImage> Images);
