using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Application.Updates;

/// <summary>The <c>ServiceUpdates</c> section: how often the rollout looks for releases whose date has come.</summary>
public sealed class ServiceUpdateOptions
{
    public const string SectionName = "ServiceUpdates";

    [Range(10, 3_600_000)]
    public int PollMilliseconds { get; set; } = 60_000;
}
