using LearningHub.Core.Themes;

namespace LearningHub.Theme.Base;

/// <summary>The plain LearningHub look every board theme builds on.</summary>
public sealed class BaseTheme : IBoardTheme
{
    public string Name => "Base";

    public string DisplayName => "LearningHub";

    public string? StylesheetPath => null;
}
