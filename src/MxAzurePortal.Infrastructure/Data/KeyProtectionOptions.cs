namespace MxAzurePortal.Infrastructure.Data;

/// <summary>
/// The <c>DataProtection</c> section. The keys that protect sign-in cookies live in the database; in production
/// give a certificate so they are encrypted there too.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PFX file whose certificate encrypts the keys at rest. Empty: keys are stored unencrypted.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
