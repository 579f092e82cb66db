using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Infrastructure.Zendesk;

/// <summary>
/// The <c>Zendesk</c> section: which Zendesk account (or any server speaking its API) tickets go to, and how the
/// portal signs in. Required outside the sandbox.
/// </summary>
public sealed class ZendeskOptions : IValidatableObject
{
    public const string SectionName = "Zendesk";

    /// <summary>The account's subdomain: https://{Subdomain}.zendesk.com.</summary>
    public string? Subdomain { get; set; }

    /// <summary>Instead of a subdomain: the account's base URL (e.g. a proxy or a test server).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The agent whose API token the portal uses.</summary>
    public string? AgentEmail { get; set; }

    public string? ApiToken { get; set; }

    /// <summary>The signing secret of the webhook that reports ticket changes to /webhooks/zendesk.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where requesters' links point, when not at <see cref="Root"/> (the sandbox's own pages).</summary>
    public Uri? LinkBaseUrl { get; set; }

    [Range(0.1, 600)]
    public double AttemptTimeoutSeconds { get; set; } = 15;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The account's base URL. A method, not a property: options validation reads every property, and this
    /// one has no value until the settings are valid.</summary>
    public Uri GetRoot() => BaseUrl ?? new Uri($"https://{Subdomain}.zendesk.com/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is null && (string.IsNullOrWhiteSpace(Subdomain) || Uri.CheckHostName($"{Subdomain}.zendesk.com") != UriHostNameType.Dns))
        {
            yield return new ValidationResult("Zendesk:Subdomain (a host name label) or Zendesk:BaseUrl is required.", [nameof(Subdomain)]);
        }

        if (string.IsNullOrWhiteSpace(AgentEmail) || string.IsNullOrWhiteSpace(ApiToken))
        {
            yield return new ValidationResult("Zendesk:AgentEmail and Zendesk:ApiToken are required (API token authentication).", [nameof(ApiToken)]);
        }

        if (string.IsNullOrWhiteSpace(WebhookSecret))
        {
            yield return new ValidationResult("Zendesk:WebhookSecret is required to accept Zendesk's signed webhooks.", [nameof(WebhookSecret)]);
        }
    }
}
