using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;
using Microsoft.Extensions.Primitives;

namespace LearningHub.Tests.Forms;

public sealed class AnswerValidatorTests
{
    private static FormQuestion Question(QuestionType type, bool required = true, string? options = null, int? maxLength = null) => new()
    {
        Key = "q",
        Text = "The question",
        Type = type,
        IsRequired = required,
        OptionsText = options,
        MaxLength = maxLength,
        ScaleLowLabel = type == QuestionType.Scale ? "Low" : null,
        ScaleHighLabel = type == QuestionType.Scale ? "High" : null,
    };

    private static AnswerCheck Check(FormQuestion question, params string[] values) =>
        AnswerValidator.Check(question, name => name == AnswerValidator.FieldName(question) ? new StringValues(values) : default);

    private static AnswerCheck CheckDate(FormQuestion question, string day, string month, string year) =>
        AnswerValidator.Check(question, name => name.EndsWith("-day") ? day : name.EndsWith("-month") ? month : name.EndsWith("-year") ? year : default);

    [Fact]
    public void A_required_answer_left_empty_says_what_to_enter_and_an_optional_one_stores_nothing()
    {
        Assert.Equal("Enter your answer to “The question”", Check(Question(QuestionType.ShortText), "   ").Error);
        Assert.Equal("Select an answer to “The question”", Check(Question(QuestionType.YesNo)).Error);
        Assert.Equal("Select at least one answer to “The question”", Check(Question(QuestionType.MultipleChoice, options: "A\nB")).Error);
        var optional = Check(Question(QuestionType.LongText, required: false), "");
        Assert.True(optional.IsValid);
        Assert.Null(optional.Value);
    }

    [Fact]
    public void Long_text_counts_a_line_break_as_one_character_and_refuses_more_than_the_limit_stated_in_the_hint()
    {
        var question = Question(QuestionType.LongText, maxLength: 5);
        Assert.Equal("a\nbcd", Check(question, "a\r\nbcd").Value);
        Assert.Equal("Your answer to “The question” must be 5 characters or fewer", Check(question, "abcdef").Error);
        Assert.EndsWith("You can enter up to 5 characters.", question.DisplayHint);
    }

    [Theory]
    [InlineData("Maybe")]
    [InlineData("a ")]
    [InlineData("A\nB")]
    public void A_choice_not_offered_is_refused(string posted)
    {
        Assert.Equal("Select one of the answers offered for “The question”", Check(Question(QuestionType.SingleChoice, options: "A\nB"), posted).Error);
    }

    [Fact]
    public void Multiple_choices_are_stored_once_each_in_the_order_offered_and_unknown_ones_refused()
    {
        var question = Question(QuestionType.MultipleChoice, options: "A\nB\nC");
        Assert.Equal("A\nC", Check(question, "C", "A", "C").Value);
        Assert.False(Check(question, "A", "D").IsValid);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("4.5")]
    [InlineData("04")]
    public void A_scale_answer_is_a_whole_number_from_1_to_5(string posted)
    {
        Assert.False(Check(Question(QuestionType.Scale), posted).IsValid);
        Assert.Equal("4", Check(Question(QuestionType.Scale), "4").Value);
    }

    [Theory]
    [InlineData("31", "2", "2026", "must be a real date")]
    [InlineData("1", "", "2026", "must include a day, month and year")]
    [InlineData("1", "1", "26", "must be a real date")]
    [InlineData("x", "1", "2026", "must be a real date")]
    [InlineData("-1", "1", "2026", "must be a real date")]
    public void A_date_that_is_not_real_is_refused(string day, string month, string year, string problem)
    {
        Assert.Contains(problem, CheckDate(Question(QuestionType.Date), day, month, year).Error);
    }

    [Fact]
    public void A_real_date_is_stored_as_an_iso_date_and_checks_again_on_submit()
    {
        var question = Question(QuestionType.Date);
        var check = CheckDate(question, "29", "2", "2028");
        Assert.Equal("2028-02-29", check.Value);
        Assert.True(AnswerValidator.CheckStored(question, check.Value).IsValid);
        Assert.False(AnswerValidator.CheckStored(question, "2027-02-29").IsValid);
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_are_removed_but_emoji_kept()
    {
        Assert.Equal("Team A 😀", AnswerValidator.Clean("\u0000Team\u0007 A\u001b \ud800😀\udc00 "));
    }

    [Fact]
    public void A_stored_answer_that_the_rules_no_longer_allow_fails_on_submit()
    {
        Assert.False(AnswerValidator.CheckStored(Question(QuestionType.SingleChoice, options: "A\nB"), "C").IsValid);
        Assert.False(AnswerValidator.CheckStored(Question(QuestionType.ShortText), null).IsValid);
    }
}
