using System.Net;
using LearningHub.Forms.Domain;
using LearningHub.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LearningHub.IntegrationTests.Forms.FormsTestSupport;

namespace LearningHub.IntegrationTests.Forms;

/// <summary>
/// The question builder's types as GOV.UK radios with conditional reveal: each type's settings under its own radio
/// (all shown without JavaScript), only the chosen type's settings saved or checked; removing a question asks first.
/// </summary>
public sealed class QuestionBuilderTests(LearningHubFactory factory) : IClassFixture<LearningHubFactory>
{
    [Fact]
    public async Task Each_type_has_its_settings_under_its_radio_and_only_the_chosen_types_count()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");
        var formId = await factory.CreateFormAsync("norfolk", "builder-types", FormPurpose.GeneralFeedback, anonymous: false,
            Q(QuestionType.ShortText, "Your team", "team"));
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");
        var add = $"/norfolk/admin/forms/{formId}/questions/new";

        var page = await coordinator.GetDocumentAsync(add);
        var radios = page.QuerySelectorAll("main .govuk-radios[data-module=govuk-radios] input[type=radio][name='Input.Type']").ToList();
        Assert.Equal(Enum.GetNames<QuestionType>(), radios.Select(r => r.GetAttribute("value")));
        // Each type with settings controls its own conditional block, which holds only its own fields.
        var settings = radios.Where(r => r.HasAttribute("data-aria-controls"))
            .ToDictionary(r => r.GetAttribute("value")!, r => page.GetElementById(r.GetAttribute("data-aria-controls")!)!);
        Assert.Equal(["ShortText", "LongText", "SingleChoice", "MultipleChoice", "Scale"], settings.Keys);
        Assert.All(settings.Values, s => Assert.Contains("govuk-radios__conditional", s.ClassList));
        Assert.Equal(["Input.SingleChoiceOptions"], settings["SingleChoice"].QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")));
        Assert.Equal(["Input.ScaleLowLabel", "Input.ScaleHighLabel"], settings["Scale"].QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")));
        Assert.Equal("#Input_Type", "#" + radios[0].Id);

        // A multiple choice question with too few answers: the error is on its own answers, the radio stays chosen,
        // and what was typed under another type is kept but neither checked nor saved.
        var fields = new Dictionary<string, string>
        {
            ["Input.Text"] = "Which teams were there?",
            ["Input.Type"] = "MultipleChoice",
            ["Input.MultipleChoiceOptions"] = "Health",
            ["Input.SingleChoiceOptions"] = "Stray",
            ["Input.ShortTextMaxLength"] = "not a number",
            ["Input.Required"] = "yes",
        };
        var invalid = await (await coordinator.SubmitFormAsync(add, fields)).ParseAsync();
        Assert.Equal(["#Input_MultipleChoiceOptions"], invalid.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.True(invalid.QuerySelector("input[name='Input.Type'][value=MultipleChoice]")!.HasAttribute("checked"));
        Assert.Equal("Stray", invalid.QuerySelector("#Input_SingleChoiceOptions")!.TextContent.Trim());

        fields["Input.MultipleChoiceOptions"] = "Health\nPolice\nSchools";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitFormAsync(add, fields)).StatusCode);
        var saved = await factory.WithBoardAsync("norfolk", db => db.Set<FormQuestion>()
            .SingleAsync(q => q.Text == "Which teams were there?"));
        Assert.Equal(QuestionType.MultipleChoice, saved.Type);
        Assert.Equal(["Health", "Police", "Schools"], saved.Options);

        // Changing it shows its answers under its own type.
        var change = await coordinator.GetDocumentAsync($"/norfolk/admin/forms/{formId}/questions/{saved.Id}");
        Assert.True(change.QuerySelector("input[name='Input.Type'][value=MultipleChoice]")!.HasAttribute("checked"));
        Assert.Equal("Health\nPolice\nSchools", change.QuerySelector("#Input_MultipleChoiceOptions")!.TextContent.Trim().ReplaceLineEndings("\n"));
        Assert.Equal("", change.QuerySelector("#Input_SingleChoiceOptions")!.TextContent.Trim());
    }

    [Fact]
    public async Task Removing_a_question_asks_first()
    {
        await factory.GrantFormsPermissionsAsync("norfolk");
        var formId = await factory.CreateFormAsync("norfolk", "builder-remove", FormPurpose.GeneralFeedback, anonymous: false,
            Q(QuestionType.ShortText, "First", "first"), Q(QuestionType.ShortText, "Second", "second"));
        var coordinator = factory.CreateBrowserClient();
        await coordinator.SignInAsync("norfolk", "coordinator@norfolk.demo");

        var edit = await coordinator.GetDocumentAsync($"/norfolk/admin/forms/{formId}");
        Assert.Empty(edit.QuerySelectorAll("main form[action*='handler=Remove']"));
        var remove = edit.QuerySelectorAll("main a[href$='/remove']").First();
        Assert.Equal("Remove question 1", remove.TextContent.Trim());

        var question = await coordinator.GetDocumentAsync(remove.GetAttribute("href")!);
        Assert.Equal("Are you sure you want to remove question 1?", question.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("First", question.QuerySelector("main .govuk-inset-text")!.TextContent.Trim());
        Assert.Equal($"/norfolk/admin/forms/{formId}", question.QuerySelector("main form a.govuk-link")!.GetAttribute("href"));
        Assert.Equal(2, await factory.WithBoardAsync("norfolk", db => db.Set<FormVersion>().Where(v => v.FormId == formId).SelectMany(v => v.Questions).CountAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitFormAsync(remove.GetAttribute("href")!, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(["second"], await factory.WithBoardAsync("norfolk", db => db.Set<FormVersion>()
            .Where(v => v.FormId == formId).SelectMany(v => v.Questions).Select(q => q.Key).ToListAsync()));
    }
}
