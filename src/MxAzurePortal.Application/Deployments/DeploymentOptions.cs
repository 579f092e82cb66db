using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Application.Deployments;

/// <summary>The <c>Deployments</c> section: package limits and how workers drive deployment jobs.</summary>
public sealed class DeploymentOptions
{
    public const string SectionName = "Deployments";

    /// <summary>The largest package accepted, upload included. A package is held as one array, so below 2 GB.</summary>
    [Range(1, 2000)]
    public int MaxPackageMegabytes { get; set; } = 200;

    /// <summary>The most a package may expand to, by its entries' sizes; more is refused as a zip bomb.</summary>
    [Range(1, 65536)]
    public int MaxExpandedMegabytes { get; set; } = 2048;

    [Range(1, 1_000_000)]
    public int MaxPackageEntries { get; set; } = 100_000;

    /// <summary>The largest <c>model/metadata.json</c> read.</summary>
    [Range(1, 16384)]
    public int MaxMetadataKilobytes { get; set; } = 256;

    [Range(10, 60000)]
    public int PollMilliseconds { get; set; } = 500;

    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 4;

    /// <summary>Longer than any one call to Mendix on Kubernetes may take (its TimeoutSeconds, 300 by default).</summary>
    [Range(1, 3600)]
    public double LeaseSeconds { get; set; } = 600;

    /// <summary>How often a running deployment's status is asked of Mendix on Kubernetes.</summary>
    [Range(0, 600)]
    public double StatusPollSeconds { get; set; } = 5;

    /// <summary>Attempts of a stage that fails transiently (outage, timeout, 5xx, 429) before the job fails.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt; it doubles each time up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(0, 3600)]
    public double RetryBaseSeconds { get; set; } = 5;

    [Range(0, 86400)]
    public double MaxRetrySeconds { get; set; } = 300;

    /// <summary>How long a deployment may report itself running before the job fails (Mendix on Kubernetes may lose it).</summary>
    [Range(1, 1440)]
    public int MaxDeploymentMinutes { get; set; } = 60;

    public long MaxPackageBytes => MaxPackageMegabytes * 1024L * 1024L;

    public PackageLimits Limits => new(MaxMetadataKilobytes * 1024L, MaxPackageEntries, MaxExpandedMegabytes * 1024L * 1024L);
}
