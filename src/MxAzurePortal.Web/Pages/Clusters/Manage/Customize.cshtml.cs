using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Customizations;

namespace MxAzurePortal.Web.Pages.Clusters.Manage;

/// <summary>
/// Apply of one customization. It accepts only that customization's own fields: a form carrying any other field,
/// or naming something that is not an allowed customization, is refused and changes nothing.
/// </summary>
public sealed partial class CustomizeModel(ClusterService clusters, CustomizationService customizations, IAuthorizationService authorization)
    : CustomizationsPageBase(clusters, customizations, authorization)
{
    private static readonly IReadOnlyDictionary<Customization, string[]> Fields = new Dictionary<Customization, string[]>
    {
        [Customization.Tags] = [],
        [Customization.AksTier] = ["Input.AksTier"],
        [Customization.NodeVmSize] = ["Input.NodeVmSize"],
        [Customization.MaxNodeCount] = ["Input.MaxNodeCount"],
        [Customization.Postgres] = ["Input.PostgresSku", "Input.StoragePerformanceTier"],
        [Customization.LoadBalancer] = ["Input.LoadBalancer", "Input.Confirmed"],
        [Customization.GrafanaAccess] = ["Input.GrafanaAccess"],
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? RedirectToPage("/Clusters/Customizations", new { id }) : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string customization, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var refusal = Refusal(customization, out var kind);
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            FailedSection = "Refused";
            ShowCurrent();
            return Page();
        }

        var change = ChangeFrom(kind);
        var repeated = kind == Customization.Tags ? RepeatedTagNames.In(Input.Tags.Select(t => t.Name)).FirstOrDefault() : null;
        var result = change is null
            ? RuleResult.Fail("", "The form did not carry a valid value; choose one of the values offered.")
            : repeated is not null
                ? RuleResult.Fail("", $"{RepeatedTagNames.Message(repeated)} Nothing was changed.")
                : await Customizations.ApplyAsync(id, change, Input.Version, cancellationToken);
        if (result.IsValid)
        {
            TempData["Status"] = "Your change has been queued; it is applied to Azure now.";
            return RedirectToPage("/Clusters/Customizations", new { id });
        }

        ModelState.AddRuleErrors(result);
        FailedSection = kind.ToString();
        await LoadAsync(id, cancellationToken);
        ShowCurrent(keep: kind.ToString());

        // The forms must carry the version just read: an input shows the posted value over the model's.
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
        return Page();
    }

    private string? Refusal(string customization, out Customization kind)
    {
        if (customization.Equals(nameof(ClusterSettings.SubnetPrefix), StringComparison.OrdinalIgnoreCase))
        {
            kind = default;
            return "The AKS node subnet prefix is fixed after the initial deployment: nodes and pods hold addresses from it. Nothing was changed.";
        }

        if (!Enum.TryParse(customization, ignoreCase: false, out kind) || !Enum.IsDefined(kind))
        {
            return $"'{customization}' cannot be changed in Mendix on Azure; only the customizations on this page can. Nothing was changed.";
        }

        var allowed = Fields[kind];
        var isTags = kind == Customization.Tags;
        var unexpected = Request.Form.Keys
            .Where(k => k is not ("__RequestVerificationToken" or "Input.Version" or "__Invariant") && !allowed.Contains(k) && !(isTags && TagField().IsMatch(k)))
            .ToList();
        return unexpected.Count == 0
            ? null
            : $"This form may change only {kind}; it also carried {string.Join(", ", unexpected.Take(5))}, which cannot be changed here. Nothing was changed.";
    }

    private CustomizationChange? ChangeFrom(Customization kind) => kind switch
    {
        Customization.Tags => new TagsChange(Input.Tags
            .Where(t => !string.IsNullOrEmpty(t.Name) || !string.IsNullOrEmpty(t.Value))
            .GroupBy(t => t.Name ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal)),
        Customization.AksTier when Input.AksTier is { } tier => new AksTierChange(tier),
        Customization.NodeVmSize when !string.IsNullOrEmpty(Input.NodeVmSize) => new NodeVmSizeChange(Input.NodeVmSize),
        Customization.MaxNodeCount when Input.MaxNodeCount is { } max => new MaxNodeCountChange(max),
        Customization.Postgres when PostgresChoice.TryParse(Input.PostgresSku, out var tier, out var sku)
            && !string.IsNullOrEmpty(Input.StoragePerformanceTier) => new PostgresChange(tier, sku, Input.StoragePerformanceTier.Trim().ToUpperInvariant()),
        Customization.LoadBalancer when Input.LoadBalancer is { } exposure => new LoadBalancerChange(exposure, Input.Confirmed),
        Customization.GrafanaAccess when Input.GrafanaAccess is { } access => new GrafanaAccessChange(access),
        _ => null,
    };

    [GeneratedRegex(@"^Input\.Tags\[\d{1,3}\]\.(Name|Value)$")]
    private static partial Regex TagField();
}
