namespace LearningHub.Core.Security;

/// <summary>
/// One ASP.NET Core data-protection key (the XML element the key manager writes), kept in the database
/// so every node of a scale-out deployment reads the same key ring. Not board-owned: keys protect the
/// whole deployment's cookies and tokens.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }

    /// <summary>The key manager's name for the element (e.g. <c>key-{guid}</c>).</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The key as XML; encrypted at rest when a certificate is configured (ProtectKeysWithCertificate).</summary>
    public required string Xml { get; set; }
}
