using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;

namespace LearningHub.Tests.Forms;

public sealed class FormRulesTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+44 1603", "'+44 1603")]
    [InlineData("-2", "'-2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Fine = good", "Fine = good")]
    [InlineData("", "")]
    public void Csv_cells_a_spreadsheet_would_run_start_with_a_quote(string cell, string written)
    {
        Assert.Equal(written, SafeCsv.Guard(cell));
    }

    [Theory]
    [InlineData("/norfolk/cases/child-v", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("", false)]
    public void Only_local_return_addresses_are_kept(string url, bool local)
    {
        Assert.Equal(local, ReturnUrls.IsLocal(url));
    }

    [Theory]
    [InlineData("general", true)]
    [InlineData("event:3f2a9c", true)]
    [InlineData("case-module:child-v:analysis", true)]
    [InlineData("event:<script>", false)]
    [InlineData(":event", false)]
    [InlineData("", false)]
    public void Contexts_are_plain_keys(string context, bool valid)
    {
        Assert.Equal(valid, FormContexts.IsValid(context));
    }

    [Fact]
    public void A_long_follow_up_key_is_hashed_the_same_way_every_time_and_stays_short()
    {
        var context = "case-module:" + new string('x', 190);
        var key = FormRequests.DedupeKey("follow-up", "follow-up-90", context, "user-1");
        Assert.True(key.Length <= 180);
        Assert.Equal(key, FormRequests.DedupeKey("follow-up", "follow-up-90", context, "user-1"));
        Assert.Equal("forms.follow-up:f:event:1:u", FormRequests.DedupeKey("follow-up", "f", "event:1", "u"));
    }

    [Fact]
    public void Question_rules_name_the_field_to_fix()
    {
        var problems = FormEditor.Problems(new QuestionDraft(QuestionType.SingleChoice, "", "Bad Key", null, true, ["Only"], null, null, null));
        Assert.Equal(["Text", "Key", "Options"], problems.Select(p => p.Field).ToArray());
        Assert.Empty(FormEditor.Problems(new QuestionDraft(QuestionType.Scale, "How confident?", "confidence-coercive-control", null, true, [], null, "Low", "High")));
    }

    [Fact]
    public void Keys_made_from_text_are_unique_within_a_version()
    {
        var question = new FormQuestion { Key = "", Text = "" };
        FormEditor.Apply(question, new QuestionDraft(QuestionType.ShortText, "What's your role?", null, null, true, [], null, null, null), ["what-s-your-role"]);
        Assert.Equal("what-s-your-role-2", question.Key);
        Assert.Equal(FormQuestion.ShortTextLimit, question.MaxLength);
    }
}
