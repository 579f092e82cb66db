using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Web.Pages.Clusters.Manage;

/// <summary>Step 3: the cluster's size and options, with Azure's rules checked before anything is deployed.</summary>
public sealed class ProvisionModel(ClusterService clusters) : SetupPageModel(clusters)
{
    private const int BlankTagRows = 3;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult)
        {
            Input = InputModel.From(Cluster.Settings, Cluster.Version);
            Input.PadTags(BlankTagRows);
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (ModelState.IsValid)
        {
            var result = await Clusters.ProvisionAsync(id, Input.ToSettings(Cluster.Settings), Input.Version, cancellationToken);
            if (result.IsValid)
            {
                return RedirectToPage("Review", new { id });
            }

            ModelState.AddRuleErrors(result);
        }

        Input.PadTags(BlankTagRows);
        return Page();
    }

    public sealed class InputModel : IValidatableObject
    {
        public int Version { get; set; }

        [Required(ErrorMessage = "Enter the subnet prefix, e.g. 192.168.0.0/22.")]
        [StringLength(18, ErrorMessage = "A subnet prefix looks like 192.168.0.0/22.")]
        public string SubnetPrefix { get; set; } = "";

        public LoadBalancerExposure LoadBalancer { get; set; }

        public AksTier AksTier { get; set; }

        [Required(ErrorMessage = "Choose a node VM size.")]
        public string NodeVmSize { get; set; } = "";

        [Range(1, 100000, ErrorMessage = "Enter a whole number of nodes.")]
        public int MaxNodeCount { get; set; }

        /// <summary>Tier and SKU in one choice, "GeneralPurpose|Standard_D2ds_v5", so they cannot disagree.</summary>
        [Required(ErrorMessage = "Choose a PostgreSQL compute SKU.")]
        public string PostgresSku { get; set; } = "";

        public int StorageSizeGiB { get; set; }

        [Required(ErrorMessage = "Enter a storage performance tier, e.g. P10.")]
        [StringLength(3, ErrorMessage = "A performance tier looks like P10.")]
        public string StoragePerformanceTier { get; set; } = "";

        public GrafanaAccess GrafanaAccess { get; set; }

        public List<TagRow> Tags { get; set; } = [];

        public static InputModel From(ClusterSettings settings, int version) => new()
        {
            Version = version,
            SubnetPrefix = settings.SubnetPrefix,
            LoadBalancer = settings.LoadBalancer,
            AksTier = settings.AksTier,
            NodeVmSize = settings.NodeVmSize,
            MaxNodeCount = settings.MaxNodeCount,
            PostgresSku = PostgresChoice.Format(settings.PostgresTier, settings.PostgresSku),
            StorageSizeGiB = settings.StorageSizeGiB,
            StoragePerformanceTier = settings.StoragePerformanceTier,
            GrafanaAccess = settings.GrafanaAccess,
            Tags = [.. settings.Tags.Select(t => new TagRow { Name = t.Key, Value = t.Value })],
        };

        public ClusterSettings ToSettings(ClusterSettings current)
        {
            var (tier, sku) = PostgresChoice.TryParse(PostgresSku, out var parsedTier, out var parsedSku)
                ? (parsedTier, parsedSku)
                : (current.PostgresTier, PostgresSku);
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in FilledTags)
            {
                tags.TryAdd(row.Name ?? "", row.Value ?? "");
            }

            return current with
            {
                SubnetPrefix = SubnetPrefix.Trim(),
                LoadBalancer = LoadBalancer,
                AksTier = AksTier,
                NodeVmSize = NodeVmSize,
                MaxNodeCount = MaxNodeCount,
                PostgresTier = tier,
                PostgresSku = sku,
                StorageSizeGiB = StorageSizeGiB,
                StoragePerformanceTier = StoragePerformanceTier.Trim().ToUpperInvariant(),
                GrafanaAccess = GrafanaAccess,
                Tags = tags,
            };
        }

        private IEnumerable<TagRow> FilledTags => Tags.Where(r => !string.IsNullOrEmpty(r.Name) || !string.IsNullOrEmpty(r.Value));

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
            RepeatedTagNames.In(FilledTags.Select(r => r.Name)).Select(name => new ValidationResult(RepeatedTagNames.Message(name), [nameof(Tags)]));

        public void PadTags(int blank)
        {
            Tags.RemoveAll(t => string.IsNullOrEmpty(t.Name) && string.IsNullOrEmpty(t.Value));
            Tags.AddRange(Enumerable.Range(0, blank).Select(_ => new TagRow()));
        }
    }

    /// <summary>One tag row; <c>ClusterRules.Tags</c> checks its lengths and says so next to the tags.</summary>
    public sealed class TagRow
    {
        public string? Name { get; set; }

        public string? Value { get; set; }
    }
}
