using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Web.Api;

/// <summary>The <c>Api:RateLimit</c> section: how many calls one token may make in a window.</summary>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "Api:RateLimit";

    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 120;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
