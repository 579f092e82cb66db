using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Application.Updates;

/// <summary>A release as staff enter it.</summary>
public sealed record ReleaseDraft(string Name, string KubernetesVersion, string OperatorVersion, string AgentVersion, DateOnly ScheduledOn, string? Notes);

/// <summary>
/// What a new release is checked against. <see cref="Previous"/> is the latest release (or the baseline when there is
/// none); <see cref="ClusterKubernetesVersions"/> the versions initialized clusters will have when the new one starts.
/// </summary>
public sealed record ReleaseContext(
    DateOnly Today,
    IReadOnlyCollection<string> ExistingNames,
    string? PreviousName,
    DateOnly? PreviousScheduledOn,
    ComponentVersions Previous,
    IReadOnlyCollection<string> ClusterKubernetesVersions);

/// <summary>The rules of a release; AKS refuses a Kubernetes downgrade and an upgrade that skips a minor version.</summary>
public static class ReleaseRules
{
    public static RuleResult Check(ReleaseDraft draft, ReleaseContext context)
    {
        var errors = new List<RuleError>();
        var name = draft.Name.Trim();
        if (name.Length == 0 || name.Length > ServiceRelease.NameMaxLength)
        {
            errors.Add(new(nameof(draft.Name), $"Name the release in 1 to {ServiceRelease.NameMaxLength} characters, such as 2026 Q4."));
        }
        else if (context.ExistingNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new(nameof(draft.Name), $"A release named {name} exists already; each release has its own name."));
        }

        if (draft.ScheduledOn < context.Today)
        {
            errors.Add(new(nameof(draft.ScheduledOn), $"The date is in the past; choose today ({context.Today:yyyy-MM-dd}, UTC) or later."));
        }
        else if (context.PreviousScheduledOn is { } previous && draft.ScheduledOn <= previous)
        {
            errors.Add(new(nameof(draft.ScheduledOn),
                $"Releases roll out in date order and {context.PreviousName} is scheduled on {previous:yyyy-MM-dd}; choose a later date."));
        }

        errors.AddRange(Kubernetes(draft.KubernetesVersion, context));
        errors.AddRange(Extension(nameof(draft.OperatorVersion), "Mendix Operator", draft.OperatorVersion, context.Previous.Operator, context.PreviousName));
        errors.AddRange(Extension(nameof(draft.AgentVersion), "Mendix Agent", draft.AgentVersion, context.Previous.Agent, context.PreviousName));
        return RuleResult.From(errors);
    }

    private static IEnumerable<RuleError> Kubernetes(string version, ReleaseContext context)
    {
        const string field = nameof(ReleaseDraft.KubernetesVersion);
        if (!ComponentVersions.IsKubernetesVersion(version))
        {
            yield return new(field, "Enter the Kubernetes version as 1.minor.patch, such as 1.31.2.");
            yield break;
        }

        var from = context.ClusterKubernetesVersions.Append(context.Previous.Kubernetes)
            .Where(ComponentVersions.IsKubernetesVersion).Distinct().ToList();
        var newer = from.Where(v => ComponentVersions.Compare(v, version) > 0).OrderDescending(VersionOrder).FirstOrDefault();
        if (newer is not null)
        {
            yield return new(field,
                $"Kubernetes {version} is older than {newer} ({Source(newer, context)}); AKS cannot downgrade a cluster.");
            yield break;
        }

        var oldest = from.OrderBy(v => v, VersionOrder).First();
        if (ComponentVersions.MinorOf(version) > ComponentVersions.MinorOf(oldest) + 1)
        {
            yield return new(field,
                $"Kubernetes {version} would skip minor version 1.{ComponentVersions.MinorOf(oldest) + 1} for clusters on {oldest} ({Source(oldest, context)}); " +
                $"AKS upgrades one minor version at a time. Release 1.{ComponentVersions.MinorOf(oldest) + 1}.x first.");
        }
    }

    private static IEnumerable<RuleError> Extension(string field, string component, string version, string previous, string? previousName)
    {
        if (!ComponentVersions.IsExtensionVersion(version))
        {
            yield return new(field, $"Enter the {component} version as major.minor.patch, such as 2.21.1.");
        }
        else if (ComponentVersions.IsExtensionVersion(previous) && ComponentVersions.Compare(version, previous) < 0)
        {
            yield return new(field,
                $"{component} {version} is older than {previous} of {previousName ?? "the baseline"}; a release never downgrades a component.");
        }
    }

    private static string Source(string version, ReleaseContext context) =>
        context.ClusterKubernetesVersions.Contains(version)
            ? "which clusters run now"
            : $"the version of {context.PreviousName ?? "the baseline"}";

    private static readonly Comparer<string> VersionOrder = Comparer<string>.Create(ComponentVersions.Compare);
}
