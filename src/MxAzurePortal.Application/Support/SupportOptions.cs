using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Application.Support;

/// <summary>The <c>Support</c> section: delivery of tickets to Zendesk and the logs they carry.</summary>
public sealed class SupportOptions
{
    public const string SectionName = "Support";

    [Range(10, 60000)]
    public int PollMilliseconds { get; set; } = 500;

    [Range(1, 64)]
    public int MaxConcurrentDeliveries { get; set; } = 8;

    [Range(1, 3600)]
    public double LeaseSeconds { get; set; } = 60;

    /// <summary>The wait before the second attempt; it doubles each time up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 2;

    [Range(1, 86400)]
    public double MaxRetrySeconds { get; set; } = 300;

    /// <summary>How often the incremental export is read (Zendesk allows 10 such requests a minute).</summary>
    [Range(1, 86400)]
    public double SyncSeconds { get; set; } = 60;

    /// <summary>How far back the very first sync looks.</summary>
    [Range(1, 720)]
    public int SyncLookBackHours { get; set; } = 24;

    [Range(1, 100)]
    public int SyncMaxPages { get; set; } = 5;

    [Range(1, 100000)]
    public int LogLines { get; set; } = 2000;

    /// <summary>The attached log file's size limit (Zendesk accepts 50 MB; a few MB are plenty to troubleshoot).</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int LogMaxBytes { get; set; } = 2 * 1024 * 1024;
}
