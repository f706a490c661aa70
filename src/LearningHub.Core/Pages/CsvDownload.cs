using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace LearningHub.Core.Pages;

/// <summary>A CSV a page sends as a download: the one place that decides how CSV files are encoded.</summary>
public static class CsvDownload
{
    /// <summary>
    /// UTF-8 with a byte-order mark: Excel, which most boards open their CSVs in, reads a file as UTF-8 only when it
    /// starts with the mark; without it names with accents and curly quotes come out garbled.
    /// </summary>
    public static FileContentResult Of(string text, string fileName) =>
        new([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], "text/csv; charset=utf-8") { FileDownloadName = fileName };
}
