using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LearningHub.IntegrationTests.Infrastructure;

namespace LearningHub.IntegrationTests.Hosting;

/// <summary>
/// Every form on every page each visitor can reach (found by visiting every mapped address), posted with
/// hostile values in every field: no 5xx, and when the form comes back with errors, every text field shows
/// what was typed (passwords and files excepted: those are dropped on purpose). The values rotate across
/// fields and rounds in a fixed order, so each field meets several of them and a run is repeatable.
/// </summary>
public sealed class FormFuzzTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    /// <summary>How many times each form is posted, each time with the corpus shifted across its fields.</summary>
    private const int Rounds = 3;

    private static readonly string[] Corpus =
    [
        new string('x', 30_000),
        "a\0b",
        "\u202Eevil\u202C name",
        "<script>alert('x')</script>&amp;\"'",
        "0001-01-01",
        "9999-12-31",
        "-2147483649",
        "99999999999999999999999",
        "99",
        "-1",
        "\u0001\u0007\u001b[31m bell",
        "1000-01-01 00:00",
        "' OR 1=1 --",
    ];

    private static readonly string[] Unfilled = ["submit", "button", "file", "hidden", "image", "reset"];

    [Fact]
    public async Task Hostile_values_in_every_form_never_fail_the_server_and_come_back_as_typed()
    {
        var map = await SiteMap.ReadAsync(factory);
        var failures = new List<string>();
        var posted = 0;
        foreach (var visitor in SiteMap.Visitors)
        {
            using var client = await SiteMap.VisitorAsync(factory, visitor);
            var who = visitor ?? "signed out";
            foreach (var url in map.Urls.Where(u => !SiteMap.EndsVisit(u)))
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var page = await response.ParseAsync();
                var forms = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>()
                    .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
                    .Where(f => !SiteMap.EndsVisit(f.Action))
                    .ToList();
                foreach (var form in forms)
                {
                    for (var round = 0; round < Rounds; round++)
                    {
                        var (fields, typed) = Fill(form, round);
                        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
                        using var result = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                        posted++;
                        if ((int)result.StatusCode >= 500)
                        {
                            failures.Add($"{who}: POST {action} (from {url}, round {round}): {(int)result.StatusCode} {await SiteMap.ErrorAsync(result)}");
                            continue;
                        }

                        if (result.StatusCode == HttpStatusCode.OK && await result.ParseAsync() is var shown
                            && shown.QuerySelector(".govuk-error-summary") is not null)
                        {
                            failures.AddRange(Lost(shown, typed).Select(name => $"{who}: POST {action} (round {round}) lost what was typed in {name}"));
                        }
                    }
                }
            }
        }

        Assert.True(posted > 50, $"Only {posted} forms were posted: the crawl found too few");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n{string.Join('\n', failures.Distinct().Take(200))}");
    }

    /// <summary>The form's fields with hostile values (hidden fields, the token among them, as the page set them), and the text typed.</summary>
    private static (List<KeyValuePair<string, string>> Fields, Dictionary<string, string> Typed) Fill(IHtmlFormElement form, int round)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var typed = new Dictionary<string, string>();
        var index = 0;
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var type = element.GetAttribute("type")?.ToLowerInvariant() ?? "";
            if (element is IHtmlInputElement && type == "hidden")
            {
                fields.Add(new(name, element.GetAttribute("value") ?? ""));
                continue;
            }

            if (Unfilled.Contains(type) || element is IHtmlButtonElement)
            {
                continue;
            }

            var value = Corpus[(round * 5 + index++) % Corpus.Length];
            fields.Add(new(name, value));
            var isText = element is IHtmlTextAreaElement
                         || (element is IHtmlInputElement && type is "" or "text" or "email" or "search" or "tel" or "url" or "number" or "date");
            if (isText && !typed.ContainsKey(name))
            {
                typed[name] = value;
            }
        }

        // The form's last named button (usually the one that saves), as a browser sends the button that submitted it.
        if (form.QuerySelectorAll("button[name], input[type=submit][name]").LastOrDefault() is { } button)
        {
            fields.Add(new(button.GetAttribute("name")!, button.GetAttribute("value") ?? ""));
        }

        return (fields, typed);
    }

    /// <summary>The text fields whose value on the re-displayed page is not what was typed (a NUL aside: it is removed).</summary>
    private static IEnumerable<string> Lost(IDocument shown, Dictionary<string, string> typed)
    {
        foreach (var (name, value) in typed)
        {
            var field = shown.QuerySelectorAll("main [name]").FirstOrDefault(e => e.GetAttribute("name") == name);
            if (field is null)
            {
                continue;
            }

            var showing = field switch
            {
                IHtmlTextAreaElement area => area.Value,
                IHtmlInputElement input => input.Value,
                _ => null,
            };
            if (showing is not null && Normalise(showing) != Normalise(value))
            {
                yield return name;
            }
        }
    }

    private static string Normalise(string text) => text.Replace("\0", "").Replace("\r\n", "\n").Trim();
}
