using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Customizations;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>What the Customizations page shows; the read-only page and the Apply page (Cluster Managers) share it.</summary>
public abstract class CustomizationsPageBase(ClusterService clusters, CustomizationService customizations, IAuthorizationService authorization)
    : PageModel
{
    protected CustomizationService Customizations { get; } = customizations;

    public CustomizationsView View { get; private set; } = null!;

    [BindProperty]
    public CustomizationInput Input { get; set; } = new();

    /// <summary>The section whose Apply failed: it shows the errors and keeps what was entered.</summary>
    public string? FailedSection { get; protected set; }

    public bool CanChange { get; private set; }

    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetSettingsAsync(id, cancellationToken);
        var view = cluster is null ? null : await Customizations.GetAsync(id, cluster, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        CanChange = (await authorization.AuthorizeAsync(User, Policies.ClusterManager)).Succeeded
            && cluster!.Status == ClusterStatus.Initialized;
        return true;
    }

    /// <summary>Fills every section from the cluster's current settings, except the one being corrected.</summary>
    protected void ShowCurrent(string? keep = null)
    {
        var current = CustomizationInput.From(View.Cluster.Settings, View.Cluster.Version);
        Input = keep is null ? current : Input.KeepOnly(keep, current);
        Input.PadTags(3);
    }
}

/// <summary>The fields of every Customizations form; each Apply reads only its own.</summary>
public sealed class CustomizationInput
{
    public int Version { get; set; }

    public List<TagField> Tags { get; set; } = [];

    public AksTier? AksTier { get; set; }

    public string? NodeVmSize { get; set; }

    public int? MaxNodeCount { get; set; }

    /// <summary>"Tier|Sku", so the two cannot disagree.</summary>
    public string? PostgresSku { get; set; }

    [StringLength(3)]
    public string? StoragePerformanceTier { get; set; }

    public LoadBalancerExposure? LoadBalancer { get; set; }

    public bool Confirmed { get; set; }

    public GrafanaAccess? GrafanaAccess { get; set; }

    public static CustomizationInput From(ClusterSettings settings, int version) => new()
    {
        Version = version,
        Tags = [.. settings.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TagField { Name = t.Key, Value = t.Value })],
        AksTier = settings.AksTier,
        NodeVmSize = settings.NodeVmSize,
        MaxNodeCount = settings.MaxNodeCount,
        PostgresSku = PostgresChoice.Format(settings.PostgresTier, settings.PostgresSku),
        StoragePerformanceTier = settings.StoragePerformanceTier,
        LoadBalancer = settings.LoadBalancer,
        GrafanaAccess = settings.GrafanaAccess,
    };

    /// <summary>The posted values of one section, the current values everywhere else.</summary>
    public CustomizationInput KeepOnly(string section, CustomizationInput current) => new()
    {
        Version = current.Version,
        Tags = section == nameof(Customization.Tags) ? Tags : current.Tags,
        AksTier = section == nameof(Customization.AksTier) ? AksTier : current.AksTier,
        NodeVmSize = section == nameof(Customization.NodeVmSize) ? NodeVmSize : current.NodeVmSize,
        MaxNodeCount = section == nameof(Customization.MaxNodeCount) ? MaxNodeCount : current.MaxNodeCount,
        PostgresSku = section == nameof(Customization.Postgres) ? PostgresSku : current.PostgresSku,
        StoragePerformanceTier = section == nameof(Customization.Postgres) ? StoragePerformanceTier : current.StoragePerformanceTier,
        LoadBalancer = section == nameof(Customization.LoadBalancer) ? LoadBalancer : current.LoadBalancer,
        Confirmed = section == nameof(Customization.LoadBalancer) && Confirmed,
        GrafanaAccess = section == nameof(Customization.GrafanaAccess) ? GrafanaAccess : current.GrafanaAccess,
    };

    public void PadTags(int blank)
    {
        Tags.RemoveAll(t => string.IsNullOrEmpty(t.Name) && string.IsNullOrEmpty(t.Value));
        Tags.AddRange(Enumerable.Range(0, blank).Select(_ => new TagField()));
    }
}

public sealed class TagField
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}
