using LearningHub.Core.Themes;

namespace LearningHub.Theme.Norfolk;

/// <summary>Norfolk Safeguarding Children Partnership: deep teal brand and its own footer.</summary>
public sealed class NorfolkTheme : IBoardTheme
{
    public string Name => "Norfolk";

    public string DisplayName => "Norfolk";

    public string? StylesheetPath => "/_content/LearningHub.Theme.Norfolk/norfolk.css";
}
