using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Compliance;

/// <summary>
/// The SOC 2 compliance summary of a cluster: Azure Policy's latest states of the SOC 2 Type 2 initiative in the
/// cluster's resource group, per control, with the documented exceptions. Tenancy comes from the data layer's filter.
/// </summary>
public sealed partial class ComplianceService(IPortalDb db, IPolicyCompliance policies, TimeProvider clock, ILogger<ComplianceService> logger)
{
    /// <summary>The name of Azure's built-in "SOC 2 Type 2" regulatory compliance initiative.</summary>
    public const string Soc2InitiativeName = "4054785f-702b-4a98-9215-009cbd58b141";

    /// <summary>The cluster's summary, or null when it does not exist or belongs to another organisation.</summary>
    public async Task<ClusterCompliance?> GetAsync(Guid clusterId, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == clusterId)
            .Select(c => new { Header = new ClusterHeader(c.Id, c.Name, c.Status), c.Settings })
            .SingleOrDefaultAsync(cancellationToken);
        if (cluster is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (cluster.Header.Status == ClusterStatus.ReadyToInitialize)
        {
            return new ClusterCompliance(cluster.Header, now, null, "The cluster's resources are not deployed yet: the summary is available once it is initialized.");
        }

        var resourceGroup = new ClusterNames(cluster.Header.Id, cluster.Header.Name, cluster.Settings).ResourceGroupId;
        try
        {
            var states = await policies.GetPolicyStatesAsync(resourceGroup, Soc2InitiativeName, cancellationToken);
            var exemptions = await policies.GetPolicyExemptionsAsync(resourceGroup, cancellationToken);
            return new ClusterCompliance(cluster.Header, now, ComplianceSummarizer.Summarize(states, exemptions, now), null);
        }
        catch (AzureOperationException exception)
        {
            LogUnavailable(logger, clusterId, exception.Code, exception.Message);
            return new ClusterCompliance(cluster.Header, now, null,
                $"Azure Policy could not be read for this cluster's resource group. Azure answered {exception.Code}: {exception.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compliance of cluster {ClusterId} could not be read from Azure Policy: {Code} {Error}")]
    private static partial void LogUnavailable(ILogger logger, Guid clusterId, string code, string error);
}
