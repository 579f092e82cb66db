using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Infrastructure.Azure;

public enum AzureCredentialKind
{
    /// <summary>DefaultAzureCredential: environment, workload identity, managed identity, developer sign-ins.</summary>
    Default = 0,
    ClientSecret = 1,
    WorkloadIdentity = 2,
    ManagedIdentity = 3,
}

/// <summary>The <c>Azure</c> section: how the portal reaches Azure Resource Manager in customers' subscriptions.</summary>
public sealed class AzureOptions : IValidatableObject
{
    public const string SectionName = "Azure";

    public AzureCredentialKind Credential { get; set; } = AzureCredentialKind.Default;

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    [Required]
    public Uri ResourceManagerEndpoint { get; set; } = new("https://management.azure.com");

    /// <summary>How long to wait between polls of a long-running ARM operation.</summary>
    [Range(0.01, 120)]
    public double PollIntervalSeconds { get; set; } = 5;

    [Range(0, 20)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>
    /// How long a write refused because another operation on the resource is running waits for it to end before it
    /// fails as a conflict. An AKS upgrade takes tens of minutes.
    /// </summary>
    [Range(0, 1440)]
    public double InProgressWaitMinutes { get; set; } = 90;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Credential == AzureCredentialKind.ClientSecret
            && (string.IsNullOrWhiteSpace(TenantId) || string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrWhiteSpace(ClientSecret)))
        {
            yield return new ValidationResult(
                "Azure:Credential ClientSecret needs Azure:TenantId, Azure:ClientId and Azure:ClientSecret.", [nameof(ClientSecret)]);
        }
    }
}
