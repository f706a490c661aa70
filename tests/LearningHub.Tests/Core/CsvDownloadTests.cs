using System.Text;
using LearningHub.Core.Pages;

namespace LearningHub.Tests.Core;

public sealed class CsvDownloadTests
{
    [Fact]
    public void A_csv_starts_with_the_utf8_byte_order_mark_so_excel_reads_names_with_accents()
    {
        var file = CsvDownload.Of("Name\r\nZoë O’Neill\r\n", "people.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], file.FileContents.Take(3));
        Assert.Equal("Name\r\nZoë O’Neill\r\n", Encoding.UTF8.GetString(file.FileContents.AsSpan(3)));
        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.Equal("people.csv", file.FileDownloadName);
    }
}
