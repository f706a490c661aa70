namespace LearningHub.Web.Hosting;

/// <summary>
/// Removes NUL characters (<c>%00</c> and raw zero bytes) from a posted URL-encoded form before anything
/// reads it. ASP.NET Core's form reader refuses a form containing <c>%00</c> outright ("the form value
/// contains invalid characters"), so antiforgery could not find its token, the request failed as 400,
/// and the status page (re-executed as a POST) failed to read the same form again and ended as "page not
/// found", dropping everything typed. A NUL is never meaningful in a form field (and PostgreSQL cannot store
/// one), so the rest of what was typed goes through and the page validates it as usual.
/// </summary>
public sealed class FormNulStrippingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentType is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            using var posted = new MemoryStream();
            await request.Body.CopyToAsync(posted, context.RequestAborted);
            var cleaned = WithoutNul(posted.GetBuffer().AsSpan(0, (int)posted.Length));
            request.Body = new MemoryStream(cleaned, writable: false);
            request.ContentLength = cleaned.Length;
        }

        await next(context);
    }

    /// <summary>The form body without <c>%00</c> escapes and zero bytes; every other byte as it was.</summary>
    public static byte[] WithoutNul(ReadOnlySpan<byte> body)
    {
        var cleaned = new byte[body.Length];
        var length = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                i += 2;
            }
            else if (body[i] != 0)
            {
                cleaned[length++] = body[i];
            }
        }

        return cleaned[..length];
    }
}
