using System.Net.Http.Headers;
using LearningHub.Core.Hosting;
using LearningHub.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace LearningHub.Tests.Core;

public sealed class PostedFormTests
{
    private static readonly UploadLimits Limits = new() { MaxFileBytes = 1000, MaxRequestBytes = 10_000 };

    private static async Task<PostedForm> ReadAsync(MultipartFormDataContent content, FormOptions? formOptions = null)
    {
        var boundary = content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var body = new MemoryStream(await content.ReadAsByteArrayAsync());
        return await PostedForm.ReadAsync(body, boundary, Limits, formOptions ?? new FormOptions(), CancellationToken.None);
    }

    private static ByteArrayContent File(int bytes)
    {
        var file = new ByteArrayContent(Enumerable.Repeat((byte)'x', bytes).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return file;
    }

    [Fact]
    public async Task Text_fields_and_a_file_within_the_limit_are_kept()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("A ward round, 3 nurses"), "Input.AltText" },
            { File(1000), "Input.File", "ward.jpg" },
        };

        var form = await ReadAsync(content);

        Assert.Equal("A ward round, 3 nurses", form.Form["Input.AltText"]);
        var file = Assert.Single(form.Form.Files);
        Assert.Equal(("Input.File", "ward.jpg", 1000L, "image/jpeg"), (file.Name, file.FileName, file.Length, file.ContentType));
        Assert.Empty(form.TooLarge);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_dropped_and_named_while_the_fields_after_it_are_still_read()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("before"), "Input.Title" },
            { File(1001), "Input.File", "huge.jpg" },
            { new StringContent("after"), "Input.AltText" },
        };

        var form = await ReadAsync(content);

        Assert.Empty(form.Form.Files);
        Assert.Equal(["Input.File"], form.TooLarge);
        Assert.Equal(("before", "after"), (form.Form["Input.Title"].ToString(), form.Form["Input.AltText"].ToString()));
    }

    [Fact]
    public async Task A_request_over_the_request_limit_is_refused_even_while_its_file_is_being_dropped()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("typed"), "Input.AltText" },
            { File(10_001), "Input.File", "endless.jpg" },
        };

        await Assert.ThrowsAsync<PostedFormTooLargeException>(() => ReadAsync(content));
    }

    [Fact]
    public async Task A_text_field_over_the_form_value_limit_is_refused_as_ASP_NET_Core_refuses_it()
    {
        using var content = new MultipartFormDataContent { { new StringContent(new string('a', 5000)), "Input.AltText" } };

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(content, new FormOptions { ValueLengthLimit = 4000 }));
    }
}
