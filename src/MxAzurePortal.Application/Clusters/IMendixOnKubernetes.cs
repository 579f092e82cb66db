namespace MxAzurePortal.Application.Clusters;

/// <summary>Mendix on Kubernetes, which every Mendix on Azure cluster registers with: while it is down, no cluster can be created.</summary>
public interface IMendixOnKubernetes
{
    Task<ServiceAvailability> GetAvailabilityAsync(CancellationToken cancellationToken);
}

public sealed record ServiceAvailability(bool Available, string Detail, DateTimeOffset CheckedAt);
