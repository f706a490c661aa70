namespace LearningHub.Core.Validation;

/// <summary>
/// Reading a choice posted as an enum's name. <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/> also
/// accepts numbers ("7", "-1") and turns them into values the enum does not define, which later code
/// (display text, switch statements, the database) cannot handle; here only a defined member's name is a
/// value. Enums bound directly as properties are already refused by MVC's enum binder when undefined.
/// </summary>
public static class FormEnums
{
    /// <summary>The member named <paramref name="text"/> (exactly, case-sensitively), or null.</summary>
    public static TEnum? Read<TEnum>(string? text) where TEnum : struct, Enum =>
        !string.IsNullOrEmpty(text) && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<TEnum>(text)
            : null;
}
