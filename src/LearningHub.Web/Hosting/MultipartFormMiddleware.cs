using System.Text;
using LearningHub.Core.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LearningHub.Web.Hosting;

/// <summary>
/// Reads every posted multipart form (a form with a file field) before anything else does, so that an upload
/// over the limit brings the form back with a message and everything else typed. Left to ASP.NET Core, a body
/// over Kestrel's request limit (30MB by default) failed the first read of the form (antiforgery's), the
/// request ended as 400, the re-executed status page said "page not found" and the input was lost. Here a file
/// over <see cref="UploadLimits.MaxFileBytes"/> is read past and dropped (never held whole) and named in
/// <see cref="IPostedFilesFeature"/>, which the page turns into its "too large" message; the form it leaves is
/// what antiforgery and model binding then read. Only multipart requests may send up to
/// <see cref="UploadLimits.MaxRequestBytes"/>; one sending more is refused (413), as every request over
/// Kestrel's limit was before.
/// </summary>
public sealed class MultipartFormMiddleware(RequestDelegate next, IOptions<UploadLimits> limits, IOptions<FormOptions> formOptions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // Read once: a re-executed status page runs this pipeline again over the same (already read) request.
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || context.Features.Get<IPostedFilesFeature>() is not null
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        var maxRequestBytes = limits.Value.MaxRequestBytes;
        context.Features.Set<IPostedFilesFeature>(PostedForm.Unread);
        if (string.IsNullOrEmpty(boundary) || request.ContentLength > maxRequestBytes)
        {
            context.Response.StatusCode = string.IsNullOrEmpty(boundary) ? StatusCodes.Status400BadRequest : StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxRequestBytes;
        }

        PostedForm form;
        try
        {
            form = await PostedForm.ReadAsync(request.Body, boundary, limits.Value, formOptions.Value, context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // A malformed form, or one over ASP.NET Core's own form limits (field count, field length): refused as ASP.NET Core's reader refuses it.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        catch (BadHttpRequestException refused)
        {
            // Kestrel's per-request limit (set above) or a broken body.
            context.Response.StatusCode = refused.StatusCode;
            return;
        }
        catch (PostedFormTooLargeException)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        context.Features.Set<IFormFeature>(new FormFeature(form.Form));
        context.Features.Set<IPostedFilesFeature>(form);
        await next(context);
    }
}

/// <summary>A multipart form read by <see cref="MultipartFormMiddleware"/>: its fields, the files kept and the file fields dropped as too large.</summary>
public sealed class PostedForm(IFormCollection form, IReadOnlySet<string> tooLarge) : IPostedFilesFeature
{
    /// <summary>Marks a request whose form was refused before it could be read.</summary>
    internal static readonly PostedForm Unread = new(FormCollection.Empty, new HashSet<string>());

    public IFormCollection Form { get; } = form;

    public IReadOnlySet<string> TooLarge { get; } = tooLarge;

    /// <summary>
    /// Reads a multipart body: text fields within <paramref name="formOptions"/>' limits, files up to
    /// <see cref="UploadLimits.MaxFileBytes"/> (a larger one is read past and dropped, its field named in
    /// <see cref="TooLarge"/>); throws <see cref="PostedFormTooLargeException"/> past <see cref="UploadLimits.MaxRequestBytes"/>
    /// and <see cref="InvalidDataException"/> for a malformed form or one over the form limits.
    /// </summary>
    public static async Task<PostedForm> ReadAsync(Stream body, string boundary, UploadLimits limits, FormOptions formOptions, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body)
        {
            HeadersCountLimit = formOptions.MultipartHeadersCountLimit,
            HeadersLengthLimit = formOptions.MultipartHeadersLengthLimit,
            // The whole request is bounded by the read budget below (413), not section by section.
            BodyLengthLimit = null,
        };
        var fields = new KeyValueAccumulator();
        var files = new FormFileCollection();
        var tooLarge = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var budget = new ReadBudget(limits.MaxRequestBytes);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
            {
                throw new InvalidDataException("A form section has no form-data Content-Disposition.");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (name.Length > formOptions.KeyLengthLimit || fields.ValueCount + files.Count >= formOptions.ValueCountLimit)
            {
                throw new InvalidDataException($"The form has a field name longer than {formOptions.KeyLengthLimit} or more than {formOptions.ValueCountLimit} fields.");
            }

            if (disposition.IsFileDisposition())
            {
                var content = new MemoryStream();
                if (await CopyUpToAsync(section.Body, content, limits.MaxFileBytes, budget, cancellationToken))
                {
                    content.Position = 0;
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty;
                    files.Add(new FormFile(content, 0, content.Length, name, fileName) { Headers = new HeaderDictionary(section.Headers) });
                }
                else
                {
                    await CopyUpToAsync(section.Body, Stream.Null, long.MaxValue, budget, cancellationToken);
                    tooLarge.Add(name);
                }
            }
            else
            {
                using var value = new MemoryStream();
                if (!await CopyUpToAsync(section.Body, value, formOptions.ValueLengthLimit, budget, cancellationToken))
                {
                    throw new InvalidDataException($"The form field {name} is longer than {formOptions.ValueLengthLimit} bytes.");
                }

                fields.Append(name, Encoding.UTF8.GetString(value.GetBuffer(), 0, (int)value.Length));
            }
        }

        return new PostedForm(new FormCollection(fields.GetResults(), files), tooLarge);
    }

    /// <summary>Copies the section into <paramref name="target"/>; false (having copied only part) when it is longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<bool> CopyUpToAsync(Stream section, Stream target, long maxBytes, ReadBudget budget, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await section.ReadAsync(buffer, cancellationToken)) > 0)
        {
            budget.Spend(read);
            copied += read;
            if (copied > maxBytes)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    /// <summary>The bytes the whole request may still send (a server without its own request limit, such as the test server, is bounded too).</summary>
    private sealed class ReadBudget(long maxBytes)
    {
        private long _left = maxBytes;

        public void Spend(int bytes)
        {
            _left -= bytes;
            if (_left < 0)
            {
                throw new PostedFormTooLargeException();
            }
        }
    }
}

/// <summary>A multipart request sent more than <see cref="UploadLimits.MaxRequestBytes"/>.</summary>
public sealed class PostedFormTooLargeException() : Exception("The posted form is larger than the upload request limit.");
