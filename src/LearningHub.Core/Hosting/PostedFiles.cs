using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LearningHub.Core.Hosting;

/// <summary>
/// How large a posted file may be. The host reads every multipart form itself (so an upload over the
/// limit brings the form back with a message instead of failing the request): it keeps a file up to
/// <see cref="MaxFileBytes"/> and drops a larger one, reading on (without keeping it) up to
/// <see cref="MaxRequestBytes"/> for the whole request, beyond which the request is refused.
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "LearningHub:Uploads";

    /// <summary>The largest file kept: each module that takes uploads raises it to its own limit (see <see cref="UploadLimitsExtensions.AllowUploadsOf"/>).</summary>
    public long MaxFileBytes { get; set; }

    /// <summary>The most a multipart request may send, well above any file limit so an oversized file can be read past and the form still shown again.</summary>
    public long MaxRequestBytes { get; set; } = 100 * 1024 * 1024;
}

public static class UploadLimitsExtensions
{
    /// <summary>Lets posted files of up to the given size (read from the module's options) through to a module's pages.</summary>
    public static IServiceCollection AllowUploadsOf<TOptions>(this IServiceCollection services, Func<TOptions, long> maxFileBytes)
        where TOptions : class =>
        services.AddOptions<UploadLimits>()
            .Configure<IOptions<TOptions>>((limits, options) => limits.MaxFileBytes = Math.Max(limits.MaxFileBytes, maxFileBytes(options.Value)))
            .Services;

    /// <summary>Whether the form's file field <paramref name="field"/> had a file over <see cref="UploadLimits.MaxFileBytes"/>, which was dropped unread.</summary>
    public static bool PostedFileWasTooLarge(this HttpContext context, string field) =>
        context.Features.Get<IPostedFilesFeature>()?.TooLarge.Contains(field) == true;
}

/// <summary>What the host found when it read a multipart form: the file fields whose file was too large to keep.</summary>
public interface IPostedFilesFeature
{
    IReadOnlySet<string> TooLarge { get; }
}
