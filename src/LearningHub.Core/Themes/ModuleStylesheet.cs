namespace LearningHub.Core.Themes;

/// <summary>
/// A module's own stylesheet (<c>~/_content/LearningHub.Cases/cases.css</c>), registered as a service: the layout
/// links every one in the page's head, so no page of the module can forget it.
/// </summary>
public sealed record ModuleStylesheet(string Path);
