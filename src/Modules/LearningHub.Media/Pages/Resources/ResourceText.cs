using System.Globalization;
using LearningHub.Media.Documents;
using LearningHub.Media.Domain;

namespace LearningHub.Media.Pages.Resources;

/// <summary>How the resource pages say a document's date, kind and size.</summary>
public static class ResourceText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Month and year: the precision documents are dated with.</summary>
    public static string Date(DateOnly? date) => date?.ToString("MMMM yyyy", English) ?? "Not known";

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Format(English, "{0:0.#} MB", bytes / (1024.0 * 1024.0))
        : string.Format(English, "{0:0} KB", Math.Max(1, Math.Ceiling(bytes / 1024.0)));

    /// <summary>"PDF, 1.2 MB"; null for a resource without a document.</summary>
    public static string? File(Resource resource) =>
        resource.Kind is { } kind ? $"{DocumentSniffer.DisplayName(kind)}, {Size(resource.ByteSize)}" : null;

    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
