using LearningHub.Core;
using LearningHub.Media.Imaging;
using Microsoft.Extensions.Options;

namespace LearningHub.Media.Services;

/// <summary>
/// Rendition and original files under <c>{DataPath}/media/{board}/</c>. Files are named by the content
/// hash and never change once written (a new image gets a new name), so they can be cached forever and
/// shared between nodes on one volume without locking. Each file is written under a temporary name and
/// renamed into place, so a reader never sees half a file.
/// </summary>
public sealed class MediaFileStore(IOptions<LearningHubOptions> options)
{
    private readonly string _root = Path.Combine(options.Value.DataPath, "media");

    public string BoardFolder(string boardSlug) => Path.Combine(_root, boardSlug);

    public string RenditionPath(string boardSlug, string hash, int width, string extension) =>
        Path.Combine(BoardFolder(boardSlug), $"{hash}-{width}.{extension}");

    public string OriginalPath(string boardSlug, string hash, ImageKind kind) =>
        Path.Combine(BoardFolder(boardSlug), "originals", $"{hash}.{ImageSniffer.Extension(kind)}");

    /// <summary>A resource library document: <c>{board}/resources/{hash}.{pdf|docx|pptx}</c>.</summary>
    public string ResourcePath(string boardSlug, string hash, string extension) =>
        Path.Combine(BoardFolder(boardSlug), "resources", $"{hash}.{extension}");

    /// <summary>Writes a resource document (under a temporary name, then renamed into place); returns its path.</summary>
    public Task<string> WriteResourceAsync(string boardSlug, string hash, string extension, byte[] bytes, CancellationToken cancellationToken) =>
        WriteFileAsync(ResourcePath(boardSlug, hash, extension), bytes, cancellationToken);

    /// <summary>Writes the renditions (and the original if given); returns every path written, for undoing.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(string boardSlug, string hash, IReadOnlyList<EncodedRendition> renditions,
        (byte[] Bytes, ImageKind Kind)? original, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        try
        {
            foreach (var rendition in renditions)
            {
                written.Add(await WriteFileAsync(RenditionPath(boardSlug, hash, rendition.Width, "webp"), rendition.Webp, cancellationToken));
                written.Add(await WriteFileAsync(RenditionPath(boardSlug, hash, rendition.Width, "jpg"), rendition.Jpeg, cancellationToken));
            }

            if (original is { } file)
            {
                written.Add(await WriteFileAsync(OriginalPath(boardSlug, hash, file.Kind), file.Bytes, cancellationToken));
            }
        }
        catch
        {
            Delete(written);
            throw;
        }

        return written;
    }

    /// <summary>Every file of one image: its renditions at any width and its original.</summary>
    public IReadOnlyList<string> FilesOf(string boardSlug, string hash)
    {
        var folder = BoardFolder(boardSlug);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, $"{hash}-*").ToList() : [];
        var originals = Path.Combine(folder, "originals");
        if (Directory.Exists(originals))
        {
            files.AddRange(Directory.GetFiles(originals, $"{hash}.*"));
        }

        return files;
    }

    public void Delete(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A file left behind is unreachable (no row names it) and harmless.
            }
        }
    }

    private static async Task<string> WriteFileAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
