using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Infrastructure.MendixOnKubernetes;

/// <summary>The <c>MendixOnKubernetes</c> section: where the portal asks whether Mendix on Kubernetes is up.</summary>
public sealed class MendixOnKubernetesOptions
{
    public const string SectionName = "MendixOnKubernetes";

    /// <summary>A URL that answers 2xx while Mendix on Kubernetes accepts cluster registrations.</summary>
    [Required(ErrorMessage = "MendixOnKubernetes:HealthUrl is required: the portal refuses new clusters while Mendix on Kubernetes is down.")]
    public Uri? HealthUrl { get; set; }

    /// <summary>How long an answer is reused, so pages do not probe on every request.</summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 15;
}
