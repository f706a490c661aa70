namespace LearningHub.Notifications.Services;

/// <summary>Checks the settings page and the recipe step share.</summary>
public static class MailSettingsRules
{
    /// <summary>
    /// An absolute https address: the client secret goes there. Plain http only to this machine
    /// (loopback), where nothing crosses a network: a local identity provider, or the tests'.
    /// </summary>
    public static bool IsTokenEndpoint(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
