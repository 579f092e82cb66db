namespace MxAzurePortal.Application.Organisations;

/// <summary>What a member of a customer organisation may do.</summary>
public enum OrganisationRole
{
    /// <summary>Views clusters and opens support tickets.</summary>
    Member = 0,

    /// <summary>Also creates, changes and deletes clusters.</summary>
    ClusterManager = 1,
}
