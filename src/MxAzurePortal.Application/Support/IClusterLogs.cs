namespace MxAzurePortal.Application.Support;

/// <summary>Where a cluster's recent logs come from (the cluster's log workspace in production, the sandbox locally).</summary>
public interface IClusterLogs
{
    /// <summary>The most recent log lines of the cluster, oldest first, at most <paramref name="maxLines"/>.</summary>
    Task<IReadOnlyList<string>> GetRecentAsync(Guid clusterId, string clusterName, int maxLines, CancellationToken cancellationToken);
}
