using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Updates;

/// <summary>
/// A quarterly (or critical) release of the service's components, published by Mendix staff for every cluster. From
/// its date on the portal rolls it out to each initialized cluster as an update run. Global: no organisation owns it.
/// </summary>
public sealed class ServiceRelease : ITimestamped
{
    public const int NameMaxLength = 40;
    public const int NotesMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Such as "2026 Q4"; unique.</summary>
    public required string Name { get; set; }

    public required string KubernetesVersion { get; set; }

    public required string OperatorVersion { get; set; }

    public required string AgentVersion { get; set; }

    /// <summary>T0: the UTC day the rollout starts (from 00:00 UTC).</summary>
    public DateOnly ScheduledOn { get; set; }

    public required string PublishedBy { get; set; }

    public string? PublishedByUserId { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public string? Notes { get; set; }

    /// <summary>When every cluster it applies to had its outcome; the rollout leaves the release alone from then on.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ComponentVersions Versions => new(KubernetesVersion, OperatorVersion, AgentVersion);

    public DateTimeOffset StartsAt => StartOf(ScheduledOn);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
