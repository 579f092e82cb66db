using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Application.Runs;

/// <summary>The <c>Runs</c> section: how workers claim and drive durable runs.</summary>
public sealed class RunOptions
{
    public const string SectionName = "Runs";

    /// <summary>How long a claimed run stays with its worker without renewal; a crashed worker's runs move on after this.</summary>
    [Range(1, 3600)]
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>How often an idle worker looks for runs to claim.</summary>
    [Range(10, 60000)]
    public int PollMilliseconds { get; set; } = 500;

    [Range(1, 64)]
    public int MaxConcurrentRuns { get; set; } = 4;

    /// <summary>Attempts of a step whose failure is transient (throttling, conflicts, outages) before it fails.</summary>
    [Range(1, 20)]
    public int StepAttempts { get; set; } = 5;

    /// <summary>The first wait between attempts; it doubles each time.</summary>
    [Range(0, 600000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 2000;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
