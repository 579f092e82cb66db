using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.ResourceManager;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Compliance;

namespace MxAzurePortal.Infrastructure.Azure;

public static class ArmClientSetup
{
    /// <summary>The named HttpClient every ARM call goes through; the sandbox routes it to the simulator.</summary>
    public const string HttpClientName = "AzureResourceManager";

    public static IServiceCollection AddAzureResourceManager(this IServiceCollection services)
    {
        services.AddOptions<AzureOptions>()
            .BindConfiguration(AzureOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(HttpClientName);
        services.TryAddSingleton<TokenCredential>(sp => CreateCredential(sp.GetRequiredService<IOptions<AzureOptions>>().Value));
        services.AddSingleton(sp => CreateClient(
            sp.GetRequiredService<TokenCredential>(),
            sp.GetRequiredService<IOptions<AzureOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddSingleton<IAzureResources, ArmAzureResources>();
        services.AddSingleton<IPolicyCompliance, ArmPolicyCompliance>();
        return services;
    }

    public static ArmClient CreateClient(TokenCredential credential, AzureOptions options, HttpClient httpClient)
    {
        var endpoint = options.ResourceManagerEndpoint;
        var armOptions = new ArmClientOptions
        {
            Environment = new ArmEnvironment(endpoint, endpoint.GetLeftPart(UriPartial.Authority) + "/"),
            Transport = new HttpClientTransport(httpClient),
        };
        armOptions.Retry.MaxRetries = options.MaxRetries;
        armOptions.Retry.Mode = RetryMode.Exponential;
        armOptions.Retry.Delay = TimeSpan.FromSeconds(0.5);
        armOptions.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        foreach (var (type, version) in ArmApiVersions.ByResourceType)
        {
            armOptions.SetApiVersion(new ResourceType(type), version);
        }

        return new ArmClient(credential, defaultSubscriptionId: null, armOptions);
    }

    private static TokenCredential CreateCredential(AzureOptions options) => options.Credential switch
    {
        AzureCredentialKind.ClientSecret => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret),
        AzureCredentialKind.WorkloadIdentity => new WorkloadIdentityCredential(new WorkloadIdentityCredentialOptions
        {
            TenantId = options.TenantId,
            ClientId = options.ClientId,
        }),
        AzureCredentialKind.ManagedIdentity => string.IsNullOrEmpty(options.ClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
        _ => new DefaultAzureCredential(new DefaultAzureCredentialOptions { TenantId = options.TenantId }),
    };
}
