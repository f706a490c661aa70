using System.Net;
using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Forms;

/// <summary>Acceptance 6: random and hostile answers never produce a 500 and never store an invalid answer.</summary>
public sealed class FuzzTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    private static readonly string[] Hostile =
    [
        "", " ", new string('a', 20_000), "\u0000\u0001\u0007\u001b[31m", "\r\n\r\n", "<script>alert(1)</script>", "=cmd|' /C calc'!A0",
        "\ud800", "\udc00x", "😀", "Fully ", "fully", "6", "0", "-1", "1.5", "yes ", "YES", "maybe", "31", "2", "02", "99999999999999999999",
        "' OR 1=1 --", "null", "[]", "{\"a\":1}", "%00", "Not at all\nFully",
    ];

    [Fact]
    public async Task Random_and_hostile_answers_never_fail_the_server_or_store_an_invalid_answer()
    {
        var formId = await factory.CreateFormAsync("norfolk", "fuzzed", FormPurpose.GeneralFeedback, anonymous: false,
            Q(QuestionType.ShortText, "Short", "short"),
            Q(QuestionType.LongText, "Long", "long", maxLength: 300),
            Q(QuestionType.SingleChoice, "Single", "single", options: ["Fully", "Mostly", "Not at all"]),
            Q(QuestionType.MultipleChoice, "Multiple", "multiple", required: false, options: ["A", "B", "C"]),
            Q(QuestionType.Scale, "Scale", "scale"),
            Q(QuestionType.YesNo, "Yes or no", "yes-no"),
            Q(QuestionType.Date, "Date", "date", required: false));
        var essexForm = await factory.CreateFormAsync("essex", "essex-fuzzed", FormPurpose.GeneralFeedback, false, Q(QuestionType.ShortText, "Short", "short"));
        var client = factory.CreateBrowserClient();
        await client.SignInAsync("norfolk", "practitioner@norfolk.demo");
        var pageUrl = "/norfolk/forms/fuzzed/page/1";
        var page = await client.GetDocumentAsync(pageUrl);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var names = page.QuerySelectorAll("main form [name^='q-']").Select(e => e.GetAttribute("name")!).Distinct().ToList();
        var random = new Random(20261121);
        var statuses = new List<HttpStatusCode>();

        for (var round = 0; round < 120; round++)
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
            foreach (var name in names)
            {
                // Missing fields, repeated fields and wrong values, all at random.
                var repeats = random.Next(4) switch { 0 => 0, 3 => 2, _ => 1 };
                for (var r = 0; r < repeats; r++)
                {
                    fields.Add(new(name, Hostile[random.Next(Hostile.Length)]));
                }
            }

            if (random.Next(5) == 0)
            {
                fields.Add(new($"q-{Guid.NewGuid():N}", "an answer to a question that is not on the form"));
            }

            var target = random.Next(10) switch
            {
                0 => "/norfolk/forms/fuzzed/page/2",
                1 => "/norfolk/forms/fuzzed/page/-1",
                2 => "/norfolk/forms/essex-fuzzed/page/1",
                3 => $"/norfolk/forms/fuzzed/page/1?context={Uri.EscapeDataString("event:<script>")}",
                _ => pageUrl + (random.Next(2) == 0 ? "?context=event:1" : ""),
            };
            var response = await client.PostAsync(target, new FormUrlEncodedContent(fields));
            statuses.Add(response.StatusCode);
            // (A NUL in a posted field is refused by the host before the page runs: a 4xx, like the other refusals.)
            Assert.True((int)response.StatusCode < 500, $"Round {round}: {(int)response.StatusCode} for {target}");
        }

        // A body that is not a form at all, and a raw JSON one.
        var json = await client.PostAsync(pageUrl, new StringContent("{\"q\":[1,2,3]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True((int)json.StatusCode < 500);
        Assert.Contains(HttpStatusCode.OK, statuses);
        // And a good answer still goes through after all that.
        var good = await client.SubmitFormAsync(pageUrl, new Dictionary<string, string>
        {
            [names[0]] = "Team\u0007 A",
            [names[1]] = "Line one\r\nLine two",
            [names[2]] = "Mostly",
            [names[3]] = "B",
            [names[4]] = "5",
        });
        Assert.True(good.StatusCode == HttpStatusCode.Redirect, $"{(int)good.StatusCode}: {await good.Content.ReadAsStringAsync()}");
        Assert.Contains(HttpStatusCode.NotFound, statuses);

        var stored = await factory.WithBoardAsync("norfolk", async db =>
        {
            var questions = await db.Set<FormQuestion>().Where(q => db.Set<FormVersion>().Any(v => v.Id == q.FormVersionId && v.FormId == formId)).ToListAsync();
            var answers = await db.Set<FormAnswer>().Where(a => db.Set<FormSubmission>().Any(s => s.Id == a.SubmissionId && s.FormId == formId)).ToListAsync();
            return answers.Select(a => (Question: questions.Single(q => q.Id == a.QuestionId), a.Value)).ToList();
        });
        Assert.NotEmpty(stored);
        foreach (var (question, value) in stored)
        {
            var check = AnswerValidator.CheckStored(question, value);
            Assert.True(check.IsValid && check.Value == value, $"Stored an invalid answer to {question.Key}: {value[..Math.Min(value.Length, 60)]}");
            Assert.DoesNotContain(value, c => char.IsControl(c) && c is not '\n' and not '\t');
            Assert.Equal(value, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(value)));
        }

        Assert.Contains(stored, a => a.Question.Key == "short" && a.Value == "Team A");
        Assert.Equal(0, await factory.WithBoardAsync("essex", db => db.Set<FormSubmission>().CountAsync(s => s.FormId == essexForm)));
    }
}
