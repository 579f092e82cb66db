namespace MxAzurePortal.Application.Clusters;

/// <summary>Where a cluster stands, as customers see it.</summary>
public enum ClusterStatus
{
    ReadyToInitialize = 0,
    Initializing = 1,
    Initialized = 2,
    Failed = 3,
    Deleting = 4,
}
