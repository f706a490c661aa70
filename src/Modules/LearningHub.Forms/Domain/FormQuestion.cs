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

    public IReadOnlyList<string> Options =>
        string.IsNullOrEmpty(OptionsText) ? [] : OptionsText.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The limit that applies: the question's own for long text, the fixed one for short text.</summary>
    public int TextLimit => Type == QuestionType.ShortText
        ? Math.Min(MaxLength ?? ShortTextLimit, ShortTextLimit)
        : Math.Clamp(MaxLength ?? DefaultLongTextLimit, 1, LongTextCeiling);

    /// <summary>The hint as shown: a long text's limit is always stated in it.</summary>
    public string? DisplayHint => Type == QuestionType.LongText
        ? $"{(string.IsNullOrWhiteSpace(Hint) ? "" : Hint.TrimEnd() + " ")}You can enter up to {TextLimit:N0} characters."
        : Hint;

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
    };

    public bool SameAs(FormQuestion other) =>
        Position == other.Position && Key == other.Key && Type == other.Type && Text == other.Text && Hint == other.Hint
        && IsRequired == other.IsRequired && OptionsText == other.OptionsText && MaxLength == other.MaxLength
        && ScaleLowLabel == other.ScaleLowLabel && ScaleHighLabel == other.ScaleHighLabel;
}
