using LearningHub.Core.Themes;

namespace LearningHub.Theme.Essex;

/// <summary>Essex Safeguarding Children Board: purple brand on the base footer.</summary>
public sealed class EssexTheme : IBoardTheme
{
    public string Name => "Essex";

    public string DisplayName => "Essex";

    public string? StylesheetPath => "/_content/LearningHub.Theme.Essex/essex.css";
}
