using LearningHub.Core.Boards;

namespace LearningHub.Forms.Domain;

public enum QuestionType
{
    ShortText,
    LongText,
    SingleChoice,
    MultipleChoice,

    /// <summary>1 to 5, with labels for the ends (1 = not at all confident, 5 = very confident).</summary>
    Scale,
    YesNo,
    Date,
}

public static class QuestionTypeNames
{
    public static string DisplayName(this QuestionType type) => type switch
    {
        QuestionType.ShortText => "Short text",
        QuestionType.LongText => "Long text",
        QuestionType.SingleChoice => "Single choice",
        QuestionType.MultipleChoice => "Multiple choice",
        QuestionType.Scale => "Scale from 1 to 5",
        QuestionType.YesNo => "Yes or no",
        QuestionType.Date => "Date",
        _ => type.ToString(),
    };
}

/// <summary>
/// One question of a form version. <see cref="Key"/> is stable across versions and across forms:
/// the same scale question (<c>confidence-coercive-control</c>) in a baseline, an evaluation and a
/// follow-up form is how results compare before and after.
/// </summary>
public class FormQuestion : IBoardOwned
{
    public const int ShortTextLimit = 200;
    public const int DefaultLongTextLimit = 2000;
    public const int LongTextCeiling = 10000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid FormVersionId { get; set; }

    /// <summary>Order on the form, from 1.</summary>
    public int Position { get; set; }

    public required string Key { get; set; }

    public QuestionType Type { get; set; }

    public required string Text { get; set; }

    public string? Hint { get; set; }

    public bool IsRequired { get; set; } = true;

    /// <summary>The choices of a single or multiple choice question, one per line, in order.</summary>
    public string? OptionsText { get; set; }

    /// <summary>Longest answer in characters for text questions.</summary>
    public int? MaxLength { get; set; }

    public string? ScaleLowLabel { get; set; }

    public string? ScaleHighLabel { get; set; }

    /// <summary>
    /// Answers may be quoted, without a name, in the board's reports (the annual report's quotes of practice change).
    /// The person answering is told so under the question (<see cref="QuotableText"/>); no other answer is ever quoted.
    /// Text questions only.
    /// </summary>
    public bool MayQuoteAnonymously { get; set; }

    /// <summary>What the person answering a quotable question is told, under it.</summary>
    public const string QuotableText = "Your answer may be quoted in the board's reports, without your name or anything else that says who you are.";

    /// <summary>Whether a type of question can be quoted: only what people write.</summary>
    public static bool CanBeQuoted(QuestionType type) => type is QuestionType.ShortText or QuestionType.LongText;

    public IReadOnlyList<string> Options =>
        string.IsNullOrEmpty(OptionsText) ? [] : OptionsText.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The limit that applies: the question's own for long text, the fixed one for short text.</summary>
    public int TextLimit => Type == QuestionType.ShortText
        ? Math.Min(MaxLength ?? ShortTextLimit, ShortTextLimit)
        : Math.Clamp(MaxLength ?? DefaultLongTextLimit, 1, LongTextCeiling);

    /// <summary>
    /// The hint as shown: a long text's limit is always stated in it, and a quotable question says that the answer may
    /// be quoted (every page that asks a question shows this hint, so nobody answers one without being told).
    /// </summary>
    public string? DisplayHint
    {
        get
        {
            var hint = Type == QuestionType.LongText
                ? $"{(string.IsNullOrWhiteSpace(Hint) ? "" : Hint.TrimEnd() + " ")}You can enter up to {TextLimit:N0} characters."
                : Hint;
            return MayQuoteAnonymously && CanBeQuoted(Type) ? $"{(string.IsNullOrWhiteSpace(hint) ? "" : hint.TrimEnd() + " ")}{QuotableText}" : hint;
        }
    }

    public FormQuestion CopyTo(Guid versionId) => new()
    {
        BoardId = BoardId,
        FormVersionId = versionId,
        Position = Position,
        Key = Key,
        Type = Type,
        Text = Text,
        Hint = Hint,
        IsRequired = IsRequired,
        OptionsText = OptionsText,
        MaxLength = MaxLength,
        ScaleLowLabel = ScaleLowLabel,
        ScaleHighLabel = ScaleHighLabel,
        MayQuoteAnonymously = MayQuoteAnonymously,
    };

    public bool SameAs(FormQuestion other) =>
        Position == other.Position && Key == other.Key && Type == other.Type && Text == other.Text && Hint == other.Hint
        && IsRequired == other.IsRequired && OptionsText == other.OptionsText && MaxLength == other.MaxLength
        && ScaleLowLabel == other.ScaleLowLabel && ScaleHighLabel == other.ScaleHighLabel
        && MayQuoteAnonymously == other.MayQuoteAnonymously;
}
