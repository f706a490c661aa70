using LearningHub.Forms.Domain;
using LearningHub.Forms.Services;

namespace LearningHub.Tests.Forms;

/// <summary>A question whose answers may be quoted anonymously says so to the person answering; only text questions can be.</summary>
public sealed class QuotableQuestionTests
{
    private static FormQuestion Applied(QuestionType type, bool quotable)
    {
        var question = new FormQuestion { Key = "", Text = "" };
        FormEditor.Apply(question, new QuestionDraft(type, "Give an example of something you now do differently", "example-of-change", "One example is enough.",
            false, [], null, null, null, quotable), []);
        return question;
    }

    [Fact]
    public void A_quotable_text_question_tells_the_person_answering_under_the_question()
    {
        var question = Applied(QuestionType.LongText, true);

        Assert.True(question.MayQuoteAnonymously);
        Assert.Equal($"One example is enough. You can enter up to 2,000 characters. {FormQuestion.QuotableText}", question.DisplayHint);
        Assert.DoesNotContain(FormQuestion.QuotableText, Applied(QuestionType.LongText, false).DisplayHint);
    }

    [Fact]
    public void Only_text_questions_can_be_quoted_and_the_flag_makes_a_new_version()
    {
        Assert.False(Applied(QuestionType.Scale, true).MayQuoteAnonymously);
        Assert.False(Applied(QuestionType.YesNo, true).MayQuoteAnonymously);
        Assert.True(Applied(QuestionType.ShortText, true).MayQuoteAnonymously);

        var quotable = Applied(QuestionType.LongText, true);
        Assert.True(quotable.CopyTo(Guid.NewGuid()).MayQuoteAnonymously);
        Assert.False(quotable.SameAs(Applied(QuestionType.LongText, false)));
    }
}
