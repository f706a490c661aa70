namespace LearningHub.Notifications.Templates;

/// <summary>
/// Thrown when a template that does not pass <see cref="MailTemplateRenderer.Validate"/> is rendered.
/// Templates are validated when they are saved, so this means a stored template no longer fits its
/// definition (for example after a placeholder was withdrawn): the sender can fall back to the default.
/// </summary>
public sealed class MailTemplateException : InvalidOperationException
{
    public MailTemplateException(string templateKey, TemplateValidation validation)
        : base($"Mail template '{templateKey}' cannot be rendered:{Environment.NewLine}{validation}")
    {
        TemplateKey = templateKey;
        Validation = validation;
    }

    public string TemplateKey { get; }

    public TemplateValidation Validation { get; }
}
