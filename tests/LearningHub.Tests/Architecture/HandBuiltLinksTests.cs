using System.Text.RegularExpressions;

namespace LearningHub.Tests.Architecture;

/// <summary>
/// No page, view or service builds a board path by hand (<c>href="/@Model.BoardSlug/events"</c>,
/// <c>Redirect($"/{BoardSlug}/…")</c>, <c>$"{baseUrl}/{board.Slug}/…"</c>): pages link with
/// <c>asp-page</c> and <c>RedirectToPage</c>, which keep the request's board, and everything outside a
/// page (mail, calendar files, certificates, return addresses) asks <c>BoardLinks</c>. A page's address
/// is then written once, in its <c>@page</c> line, and a link cannot silently point at the wrong board.
/// Read from the source files, so the test names the file and line to change.
/// </summary>
public sealed partial class HandBuiltLinksTests
{
    /// <summary>The one link builder, and places that put a board slug into something that is not a link to a page.</summary>
    private static readonly Dictionary<string, string> NotLinks = new()
    {
        ["src/LearningHub.Core/Boards/BoardLinks.cs"] = "the one builder of board links outside pages",
        ["src/LearningHub.Web/Accounts/AccountsSetup.cs"] = "the auth cookie's Path (one cookie per board), not a link",
        ["src/LearningHub.Web/Accounts/IdentityProviderSchemes.cs"] = "the OpenID Connect handlers' callback paths, answered by the handler (not pages) and registered at the provider",
        ["src/Modules/LearningHub.Media/Services/MediaImage.cs"] = "rendition file addresses, served by an endpoint (not a page) that MediaModule maps from MediaUrls.RenditionRoute beside it",
    };

    [GeneratedRegex("""(href|action|formaction|src)\s*=\s*"/@""")]
    private static partial Regex HandBuiltAttribute();

    [GeneratedRegex("""\$@?"/\{""")]
    private static partial Regex PathStartingWithInterpolation();

    // A board's slug next to a path separator: "…/{board.Slug}" or "{boards.Required.Slug}/…".
    [GeneratedRegex("""/\{[^}]*\.Slug\}|\.Slug\}/""")]
    private static partial Regex SlugInInterpolation();

    [GeneratedRegex("""Redirect\(\$?"/""")]
    private static partial Regex RedirectToHandBuiltPath();

    [Fact]
    public void No_board_path_is_built_by_hand()
    {
        var root = RepositoryRoot();
        var found = new List<string>();
        foreach (var file in SourceFiles(root))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (NotLinks.ContainsKey(relative))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (HandBuiltAttribute().IsMatch(line) || PathStartingWithInterpolation().IsMatch(line)
                    || SlugInInterpolation().IsMatch(line) || RedirectToHandBuiltPath().IsMatch(line))
                {
                    found.Add($"{relative}:{i + 1}: {line.Trim()}");
                }
            }
        }

        Assert.True(found.Count == 0,
            "Board paths built by hand (link with asp-page/RedirectToPage, or BoardLinks outside a page):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_sees_the_source()
    {
        // Guards the test above against passing because it read nothing.
        var files = SourceFiles(RepositoryRoot()).ToList();
        Assert.Contains(files, f => f.EndsWith("Details.cshtml", StringComparison.Ordinal));
        Assert.True(files.Count > 200, $"only {files.Count} source files found");
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        new[] { "src", "themes" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or "Migrations"));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LearningHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LearningHub.sln not found above " + AppContext.BaseDirectory);
    }
}
