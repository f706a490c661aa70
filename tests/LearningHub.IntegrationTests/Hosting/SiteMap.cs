using System.Net;
using AngleSharp.Html.Dom;
using LearningHub.Cases.Domain;
using LearningHub.Core.Accounts;
using LearningHub.Events.Domain;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>
/// Every address the app maps (read from its <see cref="EndpointDataSource"/>), with route values filled
/// from rows the recipes seed on the Norfolk board, and the people to visit them as: each role's demo
/// account and a signed-out visitor. Shared by the endpoint sweep and the form fuzz test.
/// </summary>
public sealed class SiteMap
{
    public const string Board = "norfolk";

    /// <summary>Signed out (null) and each role's demo account.</summary>
    public static readonly string?[] Visitors =
    [
        null,
        "practitioner@norfolk.demo",
        "author@norfolk.demo",
        "coordinator@norfolk.demo",
        "admin@norfolk.demo",
    ];

    /// <summary>Addresses that end the visit itself (signing out, deleting the account): visited last.</summary>
    private static readonly string[] EndsTheVisit = ["/account/sign-out", "/account/delete", "/erase"];

    private SiteMap(IReadOnlyList<string> urls, Dictionary<string, string> ids)
    {
        Urls = urls;
        Ids = ids;
    }

    /// <summary>The seeded rows used for route values: event, roadshow, module, slug, form, formKey, agency, person.</summary>
    public IReadOnlyDictionary<string, string> Ids { get; }

    /// <summary>Every mapped address, route values filled, those that end a visit last.</summary>
    public IReadOnlyList<string> Urls { get; }

    public static bool EndsVisit(string url) => EndsTheVisit.Any(url.Contains);

    /// <summary>An identity provider on the board, so its pages are visited too; its authority answers nothing (the discard port).</summary>
    public const string IdentityProvider = "sweep";

    public static async Task<SiteMap> ReadAsync(LearningHubFactory factory)
    {
        await factory.WithBoardServicesAsync(Board, async services =>
        {
            var editor = services.GetRequiredService<IdentityProviderEditor>();
            if (await editor.FindAsync(IdentityProvider) is null)
            {
                await editor.SaveAsync(new IdentityProviderChange(IdentityProvider, "Sign in with your sweep account", "http://127.0.0.1:9",
                    "sweep-client", "sweep-secret", "profile email", ["sweep.example"], DomainsMustUseProvider: false));
            }

            return 0;
        });
        var ids = await factory.WithBoardAsync(Board, async db => new Dictionary<string, string>
        {
            ["event"] = (await db.Set<LearningEvent>().OrderBy(e => e.StartUtc).FirstAsync()).Id.ToString(),
            ["roadshow"] = (await db.Set<Roadshow>().FirstAsync()).Id.ToString(),
            ["module"] = (await db.Set<CaseModule>().FirstAsync()).Id.ToString(),
            ["slug"] = (await db.Set<CaseModule>().FirstAsync()).Slug,
            ["form"] = (await db.Set<Form>().FirstAsync()).Id.ToString(),
            ["formKey"] = (await db.Set<Form>().FirstAsync()).Key,
            ["agency"] = (await db.Agencies.FirstAsync()).Id.ToString(),
            ["person"] = await db.Users.Where(u => u.Email == "practitioner@norfolk.demo").Select(u => u.Id).SingleAsync(),
        });
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var urls = endpoints.Select(e => e.RoutePattern).Select(pattern => "/" + string.Join('/', pattern.PathSegments.Select(segment =>
                string.Concat(segment.Parts.Select(part => part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Value(parameter.Name, pattern.RawText ?? "", ids),
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                    _ => "",
                })))))
            .Distinct()
            .OrderBy(EndsVisit)
            .ThenBy(url => url, StringComparer.Ordinal)
            .ToList();
        return new SiteMap(urls, ids);
    }

    /// <summary>A value for a route parameter: the board, a seeded row of the kind the address names, or a plain word.</summary>
    private static string Value(string name, string pattern, Dictionary<string, string> ids) => name switch
    {
        "board" => Board,
        "id" when pattern.Contains("roadshows") => ids["roadshow"],
        "id" when pattern.Contains("events") => ids["event"],
        "id" when pattern.Contains("author/modules") => ids["module"],
        "id" when pattern.Contains("admin/forms") => ids["form"],
        "id" when pattern.Contains("admin/agencies") => ids["agency"],
        "id" when pattern.Contains("admin/people") => ids["person"],
        "id" => Guid.NewGuid().ToString(),
        "slug" => ids["slug"],
        "key" when pattern.Contains("forms") => ids["formKey"],
        "key" when pattern.Contains("oidc") || pattern.Contains("sign-in/provider") => IdentityProvider,
        "key" => "booking-confirmed",
        "number" => "1",
        "code" when pattern.Contains("status") => "404",
        "sectionId" or "itemId" or "questionId" => "new",
        "file" => "missing.jpg",
        _ => "unknown",
    };

    /// <summary>The exception a server error reports (the developer exception page's heading), to say what failed.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var page = await response.ParseAsync();
        return page.QuerySelector(".stackerror, h1")?.TextContent.Trim() ?? "";
    }

    /// <summary>A browser-like client signed in as <paramref name="email"/> (null: signed out).</summary>
    public static async Task<HttpClient> VisitorAsync(LearningHubFactory factory, string? email)
    {
        var client = factory.CreateBrowserClient();
        if (email is not null)
        {
            await client.SignInAsync(Board, email);
        }

        return client;
    }

    /// <summary>An antiforgery token for this client (tokens belong to the visitor, not to a page).</summary>
    public static async Task<string> TokenAsync(HttpClient client)
    {
        foreach (var url in new[] { $"/{Board}/account", $"/{Board}/account/sign-in", $"/{Board}/account/your-data" })
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var page = await response.ParseAsync();
            if (page.QuerySelectorAll("input[name=__RequestVerificationToken]").OfType<IHtmlInputElement>().FirstOrDefault()?.Value is { } token)
            {
                return token;
            }
        }

        throw new InvalidOperationException("No page offered an antiforgery token");
    }
}
