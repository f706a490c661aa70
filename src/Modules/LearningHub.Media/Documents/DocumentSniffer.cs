using System.IO.Compression;
using LearningHub.Media.Domain;

namespace LearningHub.Media.Documents;

/// <summary>
/// What a document upload really is, from its first bytes rather than its name or the type the browser claims: a
/// PDF starts <c>%PDF-</c>; Word (.docx) and PowerPoint (.pptx) files are ZIP packages (<c>PK\x03\x04</c>) holding a
/// <c>word/</c> or <c>ppt/</c> part. Only the ZIP's directory is read, never a part's contents, so a ZIP bomb costs
/// nothing to look at.
/// </summary>
public static class DocumentSniffer
{
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The kind a file's name says it is, or null for a name the library does not take.</summary>
    public static ResourceKind? KindFromName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => ResourceKind.Pdf,
        ".docx" => ResourceKind.Word,
        ".pptx" => ResourceKind.PowerPoint,
        _ => null,
    };

    /// <summary>The kind the bytes show, or null when they are none of the three.</summary>
    public static ResourceKind? Sniff(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(PdfMagic))
        {
            return ResourceKind.Pdf;
        }

        if (!bytes.AsSpan().StartsWith(ZipMagic))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? ResourceKind.Word
                : names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? ResourceKind.PowerPoint
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string Extension(ResourceKind kind) => kind switch
    {
        ResourceKind.Pdf => "pdf",
        ResourceKind.Word => "docx",
        _ => "pptx",
    };

    public static string ContentType(ResourceKind kind) => kind switch
    {
        ResourceKind.Pdf => "application/pdf",
        ResourceKind.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    /// <summary>How people name the kind: "PDF", "Word document", "PowerPoint presentation".</summary>
    public static string DisplayName(ResourceKind kind) => kind switch
    {
        ResourceKind.Pdf => "PDF",
        ResourceKind.Word => "Word document",
        _ => "PowerPoint presentation",
    };
}
