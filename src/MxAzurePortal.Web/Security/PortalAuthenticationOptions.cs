using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Web.Security;

public enum SignInProvider
{
    /// <summary>Local accounts in the portal's database (ASP.NET Core Identity): the embedded default.</summary>
    Local = 0,

    /// <summary>OpenID Connect with Microsoft Entra ID, configured in the <c>AzureAd</c> section: production.</summary>
    EntraId = 1,
}

/// <summary>The <c>Authentication</c> section: how people sign in and how Mendix staff are recognised.</summary>
public sealed class PortalAuthenticationOptions : IValidatableObject
{
    public const string SectionName = "Authentication";

    public SignInProvider Provider { get; set; } = SignInProvider.Local;

    /// <summary>The Entra ID claim that carries group (or app role) ids, e.g. <c>groups</c> or <c>roles</c>.</summary>
    public string StaffClaimType { get; set; } = "groups";

    /// <summary>Values of <see cref="StaffClaimType"/> that make a user a Mendix Support Engineer.</summary>
    public List<string> SupportEngineerClaimValues { get; } = [];

    /// <summary>Values of <see cref="StaffClaimType"/> that make a user a Mendix Administrator.</summary>
    public List<string> AdministratorClaimValues { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == SignInProvider.EntraId && SupportEngineerClaimValues.Count + AdministratorClaimValues.Count == 0)
        {
            yield return new ValidationResult(
                "With Authentication:Provider EntraId, name the staff groups in Authentication:SupportEngineerClaimValues " +
                "or Authentication:AdministratorClaimValues, or no Mendix staff can sign in.",
                [nameof(SupportEngineerClaimValues)]);
        }
    }
}
