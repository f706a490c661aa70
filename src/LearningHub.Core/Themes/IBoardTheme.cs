namespace LearningHub.Core.Themes;

/// <summary>
/// A theme a board can wear: its stylesheet (brand colours) and, optionally, views under
/// <c>/Themes/{Name}/</c> that override the base theme's partials.
/// </summary>
public interface IBoardTheme
{
    string Name { get; }

    string DisplayName { get; }

    /// <summary>Path of the theme's stylesheet, served from its static web assets; null for none.</summary>
    string? StylesheetPath { get; }
}
