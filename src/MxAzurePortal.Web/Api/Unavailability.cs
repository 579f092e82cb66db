namespace MxAzurePortal.Web.Api;

/// <summary>Why each cluster and namespace change is unavailable on Mendix on Azure, and what to use instead.</summary>
public static class Unavailability
{
    private const string Managed = "Mendix on Azure is a managed service: Mendix creates and manages the cluster in your Azure subscription, so ";

    public static readonly (string Detail, string Instead) CreateCluster = (
        Managed + "clusters cannot be created through the Deploy API. Create one in the portal with New cluster, which runs the pre-flight checks and initializes it.",
        "/Clusters/New");

    public static (string Detail, string Instead) EditCluster(Guid id) => (
        Managed + "clusters cannot be edited through the Deploy API. Change the settings the service allows on the cluster's Customizations page in the portal.",
        $"/Clusters/{id}/Customizations");

    public static (string Detail, string Instead) DeleteCluster(Guid id) => (
        Managed + "clusters cannot be deleted through the Deploy API. A Cluster Manager deletes a cluster from its Cluster Overview in the portal, which also removes its Azure resources.",
        $"/Clusters/{id}");

    public static (string Detail, string Instead) CreateNamespace(Guid id) => (
        Managed + "each cluster has exactly one namespace, which Mendix manages; namespaces cannot be created. Create an environment in the cluster's namespace instead.",
        $"POST /api/v1/clusters/{id}/environments");

    public static (string Detail, string Instead) UpdateNamespace(Guid id) => (
        Managed + "the cluster's namespace and its settings are managed by Mendix and cannot be updated. Configure your apps through their environments instead.",
        $"PATCH /api/v1/clusters/{id}/environments/{{environmentId}}");

    public static (string Detail, string Instead) DeleteNamespace(Guid id) => (
        Managed + "the cluster's namespace cannot be deleted. Remove the environments you no longer need, or delete the cluster in the portal.",
        $"DELETE /api/v1/clusters/{id}/environments/{{environmentId}}");
}
