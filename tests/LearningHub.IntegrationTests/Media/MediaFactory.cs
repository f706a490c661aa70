using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using LearningHub.Core.Boards;
using LearningHub.Core.Data;
using LearningHub.Core.Security;
using LearningHub.IntegrationTests.Infrastructure;
using LearningHub.Media;
using LearningHub.Media.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Media;

/// <summary>
/// The app with a stand-in for the modules that use images (Cases, Events): <see cref="Usages"/> says
/// where each image is used. The boards' recipes do not grant <c>media.manage</c> yet, so
/// <see cref="AuthorAsync"/> grants it to authors as a board administrator would.
/// </summary>
public class MediaFactory : LearningHubFactory
{
    public StubUsages Usages { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMediaUsageSource>(Usages));
    }

    public string MediaFolder(string board) => Path.Combine(DataPath, "media", board);

    public async Task GrantAsync(string board, string role, string permission)
    {
        await WithBoardServicesAsync(board, async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            if (!await db.BoardRolePermissions.AnyAsync(g => g.Role == role && g.Permission == permission))
            {
                db.BoardRolePermissions.Add(new BoardRolePermission { Role = role, Permission = permission });
                await db.SaveChangesAsync();
            }

            var boardId = services.GetRequiredService<BoardContext>().Required.Id;
            services.GetRequiredService<IMemoryCache>().Remove(BoardPermissions.CacheKey(boardId));
            return 0;
        });
    }

    /// <summary>A signed-in author of the board, allowed to manage its images.</summary>
    public async Task<HttpClient> AuthorAsync(string board = "norfolk")
    {
        await GrantAsync(board, "Author", MediaPermissions.ManageMedia);
        var client = CreateBrowserClient();
        await client.SignInAsync(board, $"author@{board}.demo");
        return client;
    }
}

/// <summary>Places images are "used", set by a test.</summary>
public sealed class StubUsages : IMediaUsageSource
{
    private readonly Dictionary<Guid, List<MediaUsage>> _usages = [];

    public void Use(Guid assetId, string description, string? url = null)
    {
        lock (_usages)
        {
            if (!_usages.TryGetValue(assetId, out var list))
            {
                _usages[assetId] = list = [];
            }

            list.Add(new MediaUsage(assetId, description, url));
        }
    }

    public void Clear(Guid assetId)
    {
        lock (_usages)
        {
            _usages.Remove(assetId);
        }
    }

    public Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(IReadOnlyCollection<Guid> assetIds, CancellationToken cancellationToken)
    {
        lock (_usages)
        {
            IReadOnlyList<MediaUsage> found = assetIds.SelectMany(id => _usages.GetValueOrDefault(id) ?? []).ToList();
            return Task.FromResult(found);
        }
    }
}

/// <summary>Posts multipart forms (file uploads) the way a browser does, with the page's antiforgery token.</summary>
public static class UploadClient
{
    public static async Task<HttpResponseMessage> SubmitUploadAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields,
        (string Field, string FileName, byte[] Bytes)? file, string? action = null)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var token = page.QuerySelectorAll("main form input[name=__RequestVerificationToken]").OfType<IHtmlInputElement>().First().Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is { } upload)
        {
            var bytes = new ByteArrayContent(upload.Bytes);
            // The browser's claim about the type is deliberately wrong for some tests: the server must not trust it.
            bytes.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(bytes, upload.Field, upload.FileName);
        }

        return await client.PostAsync(action ?? pageUrl, content);
    }
}
