using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Infrastructure.MendixOnKubernetes;

/// <summary>The <c>MendixOnKubernetes:DeployApi</c> section: where the portal's deployment jobs reach Mendix on Kubernetes.</summary>
public sealed class MendixDeployApiOptions
{
    public const string SectionName = "MendixOnKubernetes:DeployApi";

    /// <summary>The base address of Mendix on Kubernetes' Deploy API, e.g. <c>https://…/api/v1/</c>.</summary>
    [Required(ErrorMessage = "MendixOnKubernetes:DeployApi:BaseUrl is required: deployment jobs send packages to Mendix on Kubernetes there.")]
    public Uri? BaseUrl { get; set; }

    /// <summary>The portal's own personal access token at Mendix on Kubernetes, sent as <c>Authorization: MxToken …</c>.</summary>
    public string? ApiToken { get; set; }

    /// <summary>Per call; a package upload of the largest size must fit in it.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 300;
}
