using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Web.Api;

/// <summary>
/// Clusters and namespaces: readable; creating, changing and deleting them is unavailable by design, because Mendix manages
/// the cluster in the customer's subscription. Those calls answer 403 with what to use instead.
/// </summary>
public static class ClusterEndpoints
{
    public static void MapClusterEndpoints(this RouteGroupBuilder api)
    {
        var clusters = api.MapGroup("/clusters").WithTags("Clusters");
        clusters.MapGet("", async (ClusterService service, CancellationToken ct) =>
                (await service.ListAsync(null, ct)).Select(ApiCluster.From).ToList())
            .WithName("ListClusters").WithSummary("List the organisation's clusters").For(ApiAccess.Read);
        clusters.MapGet("/{clusterId:guid}", async (Guid clusterId, ClusterService service, CancellationToken ct) =>
                (await service.ListAsync(null, ct)).FirstOrDefault(c => c.Id == clusterId) is { } cluster
                    ? Results.Ok(ApiCluster.From(cluster))
                    : ApiProblems.NotFound("The cluster"))
            .WithName("GetCluster").WithSummary("Get a cluster").Produces<ApiCluster>().ProducesProblem(404).For(ApiAccess.Read);

        Unavailable(clusters.MapPost("", Refuse(Unavailability.CreateCluster)), "CreateCluster", "Create a cluster (unavailable)");
        Unavailable(clusters.MapMethods("/{clusterId:guid}", ["PUT", "PATCH"], (Guid clusterId) => Refuse(Unavailability.EditCluster(clusterId))()),
            "EditCluster", "Edit a cluster (unavailable)");
        Unavailable(clusters.MapDelete("/{clusterId:guid}", (Guid clusterId) => Refuse(Unavailability.DeleteCluster(clusterId))()),
            "DeleteCluster", "Delete a cluster (unavailable)");

        var namespaces = api.MapGroup("/clusters/{clusterId:guid}/namespaces").WithTags("Namespaces");
        namespaces.MapGet("", async (Guid clusterId, ClusterService service, CancellationToken ct) =>
                await service.GetHeaderAsync(clusterId, ct) is { } cluster
                    ? Results.Ok(new[] { ApiNamespace.From(ClusterNamespace.Of(cluster)) })
                    : ApiProblems.NotFound("The cluster"))
            .WithName("ListNamespaces").WithSummary("List a cluster's namespaces (always one)")
            .WithDescription("Mendix on Azure gives each cluster one namespace, named after the cluster and managed by Mendix.")
            .Produces<ApiNamespace[]>().ProducesProblem(404).For(ApiAccess.Read);
        namespaces.MapGet("/{namespace}", async (Guid clusterId, string @namespace, ClusterService service, CancellationToken ct) =>
                await service.GetHeaderAsync(clusterId, ct) is { } cluster && ClusterNamespace.Of(cluster) is var ns && ns.Name == @namespace
                    ? Results.Ok(ApiNamespace.From(ns))
                    : ApiProblems.NotFound("The namespace"))
            .WithName("GetNamespace").WithSummary("Get a namespace").Produces<ApiNamespace>().ProducesProblem(404).For(ApiAccess.Read);

        Unavailable(namespaces.MapPost("", (Guid clusterId) => Refuse(Unavailability.CreateNamespace(clusterId))()),
            "CreateNamespace", "Create a namespace (unavailable)");
        Unavailable(namespaces.MapMethods("/{namespace}", ["PUT", "PATCH"], (Guid clusterId, string @namespace) => Refuse(Unavailability.UpdateNamespace(clusterId))()),
            "UpdateNamespace", "Update a namespace (unavailable)");
        Unavailable(namespaces.MapDelete("/{namespace}", (Guid clusterId, string @namespace) => Refuse(Unavailability.DeleteNamespace(clusterId))()),
            "DeleteNamespace", "Delete a namespace (unavailable)");
    }

    private static Func<IResult> Refuse((string Detail, string Instead) why) => () =>
        ApiProblems.Problem(StatusCodes.Status403Forbidden, "Unavailable on Mendix on Azure", why.Detail, "unavailable-by-design",
            new Dictionary<string, object?> { ["instead"] = why.Instead });

    private static void Unavailable(RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .WithName(name).WithSummary(summary)
        .WithDescription("Unavailable by design: Mendix manages the cluster and its namespace on Mendix on Azure. Always answers 403 " +
                         "with problem details saying why and what to use instead (`instead`).")
        .For(ApiAccess.Caller);
}
