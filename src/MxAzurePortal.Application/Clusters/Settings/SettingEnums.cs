namespace MxAzurePortal.Application.Clusters.Settings;

public enum LoadBalancerExposure
{
    Public,
    Internal,
}

public enum AksTier
{
    Free,
    Standard,
    Premium,
}

public enum PostgresTier
{
    Burstable,
    GeneralPurpose,
    MemoryOptimized,
}

public enum GrafanaAccess
{
    Public,
    Private,
}
