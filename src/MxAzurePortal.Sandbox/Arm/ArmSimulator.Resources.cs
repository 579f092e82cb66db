using System.Text.Json.Nodes;

namespace MxAzurePortal.Sandbox.Arm;

public sealed partial class ArmSimulator
{
    private (int, JsonNode?, Dictionary<string, string>) Resource(
        string method, string id, string[] segments, string apiVersion, string? body, Dictionary<string, string> headers)
    {
        Settle();
        var type = TypeOf(segments);
        var groupId = string.Join('/', ["", .. segments[..4]]);
        if (type != ResourceGroupType && !resources.ContainsKey(groupId))
        {
            return (404, Error("ResourceGroupNotFound", $"Resource group '{segments[3]}' could not be found."), headers);
        }

        if (type.Equals(TagsType, StringComparison.OrdinalIgnoreCase))
        {
            return Tags(method, id, body, headers);
        }

        resources.TryGetValue(id, out var existing);
        switch (method)
        {
            case "GET":
                return existing is null
                    ? (404, Error(type == ResourceGroupType ? "ResourceGroupNotFound" : "ResourceNotFound",
                        $"The Resource '{type}/{segments[^1]}' under resource group '{segments[3]}' was not found."), headers)
                    : (200, existing.Body.DeepClone(), headers);
            case "PUT":
            case "PATCH":
                return Write(method, id, type, segments, apiVersion, body, existing, headers);
            case "DELETE":
                return Delete(id, type, segments, apiVersion, existing, headers);
            default:
                return (405, Error("MethodNotAllowed", $"{method} is not supported."), headers);
        }
    }

    private (int, JsonNode?, Dictionary<string, string>) Write(
        string method, string id, string type, string[] segments, string apiVersion, string? body,
        SimulatedResource? existing, Dictionary<string, string> headers)
    {
        var request = ParseObject(body);
        if (request is null)
        {
            return (400, Error("InvalidRequestContent", "The request content was invalid and could not be deserialized."), headers);
        }

        if (method == "PATCH" && existing is null)
        {
            return (404, Error("ResourceNotFound", $"The Resource '{type}/{segments[^1]}' was not found."), headers);
        }

        if (method == "PATCH" && type.Equals(AgentPoolType, StringComparison.OrdinalIgnoreCase))
        {
            return (405, Error("MethodNotAllowed", "The requested resource does not support http method 'PATCH'."), headers);
        }

        if (method == "PATCH" && type.Equals(ManagedClusterType, StringComparison.OrdinalIgnoreCase))
        {
            // ManagedClusters_UpdateTags: AKS reads a PATCH as a tags object and ignores everything else in it.
            request = new JsonObject { ["tags"] = request["tags"]?.DeepClone() ?? existing!.Body["tags"]?.DeepClone() };
        }

        if (InFlight(id) || Take(Options.ConflictPuts, type))
        {
            return (409, Error("AnotherOperationInProgress",
                $"Another operation on this or dependent resource is in progress. Resource: '{id}'. Retry the request later."), headers);
        }

        var merged = method == "PATCH" ? Merge(existing!.Body, request) : request;
        var refusal = ArmRules.Check(type, existing?.Body, merged, Now);
        if (refusal is { } problem)
        {
            return (400, Error(problem.Code, problem.Message), headers);
        }

        if (type != ResourceGroupType && IsTopLevel(segments) && merged["location"] is null)
        {
            return (400, Error("LocationRequired", "The location property is required for this definition."), headers);
        }

        var stored = (JsonObject)merged.DeepClone();
        stored["id"] = id;
        stored["name"] = segments[^1];
        stored["type"] = type;
        var properties = stored["properties"] as JsonObject ?? new JsonObject();
        stored["properties"] = properties;
        ArmRules.Stamp(type, existing?.Body, stored, Now);

        if (type == ResourceGroupType)
        {
            properties["provisioningState"] = "Succeeded";
            resources[id] = new SimulatedResource { Id = id, Type = type, Body = stored };
            Save();
            return (existing is null ? 201 : 200, stored.DeepClone(), headers);
        }

        properties["provisioningState"] = existing is null ? "Creating" : "Updating";
        resources[id] = new SimulatedResource { Id = id, Type = type, Body = stored, Generation = (existing?.Generation ?? 0) + 1 };
        AddAgentPools(id, type, stored);
        var failure = Take(Options.FailPuts, type)
            ? ("InternalServerError", $"Provisioning of resource '{segments[^1]}' failed: an internal error occurred in the resource provider. Retry the operation.")
            : ((string, string)?)null;
        headers["Azure-AsyncOperation"] = StartOperation(id, type, segments, apiVersion, isDelete: false, failure);
        Save();
        return (existing is null ? 201 : 200, stored.DeepClone(), headers);
    }

    private (int, JsonNode?, Dictionary<string, string>) Delete(
        string id, string type, string[] segments, string apiVersion, SimulatedResource? existing, Dictionary<string, string> headers)
    {
        if (existing is null)
        {
            return (204, null, headers);
        }

        if (InFlight(id))
        {
            return (409, Error("AnotherOperationInProgress", $"Another operation on resource '{id}' is in progress."), headers);
        }

        if (Take(Options.FailDeletes, type))
        {
            return (400, Error("PodDrainFailure",
                $"Drain of the nodes of '{segments[^1]}' failed: evicting a pod would violate its PodDisruptionBudget."), headers);
        }

        ((JsonObject)existing.Body["properties"]!)["provisioningState"] = "Deleting";
        var status = StartOperation(id, type, segments, apiVersion, isDelete: true, failure: null);
        headers["Azure-AsyncOperation"] = status;
        headers["Location"] = status;
        return (202, null, headers);
    }

    private string StartOperation(string id, string type, string[] segments, string apiVersion, bool isDelete, (string, string)? failure)
    {
        var operation = new SimulatedOperation
        {
            Id = Guid.NewGuid().ToString(),
            ResourceId = id,
            IsDelete = isDelete,
            CompletesAt = Now + LatencyOf(type),
            Failure = failure,
        };
        operations[operation.Id] = operation;
        var provider = type.Split('/')[0];
        var location = resources.TryGetValue(id, out var r) ? r.Body["location"]?.GetValue<string>() ?? "global" : "global";
        return $"{ArmSimulatorOptions.PublicEndpoint}/subscriptions/{segments[1]}/providers/{provider}/locations/{location}" +
               $"/operationStatuses/{operation.Id}?api-version={apiVersion}";
    }

    private (int, JsonNode?, Dictionary<string, string>) OperationStatus(string operationId, Dictionary<string, string> headers)
    {
        Settle();
        if (!operations.TryGetValue(operationId, out var operation))
        {
            return (404, Error("OperationNotFound", $"Operation '{operationId}' was not found."), headers);
        }

        var status = new JsonObject { ["id"] = operationId, ["name"] = operationId };
        if (Now < operation.CompletesAt)
        {
            status["status"] = "InProgress";
        }
        else if (operation.Failure is { } failure)
        {
            status["status"] = "Failed";
            status["error"] = new JsonObject { ["code"] = failure.Code, ["message"] = failure.Message };
        }
        else
        {
            status["status"] = "Succeeded";
        }

        return (200, status, headers);
    }

    /// <summary>Applies the outcome of every operation whose time has come.</summary>
    private void Settle()
    {
        var changed = false;
        foreach (var operation in operations.Values.Where(o => !o.Applied && o.CompletesAt <= Now))
        {
            lock (gate)
            {
                if (operation.Applied)
                {
                    continue;
                }

                operation.Applied = true;
                Complete(operation);
                changed = true;
            }
        }

        if (changed)
        {
            Save();
        }
    }

    private void Complete(SimulatedOperation operation)
    {
        if (!resources.TryGetValue(operation.ResourceId, out var resource))
        {
            return;
        }

        if (operation.IsDelete)
        {
            foreach (var child in resources.Keys.Where(k => k.StartsWith(operation.ResourceId + "/", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                resources.TryRemove(child, out _);
            }

            resources.TryRemove(operation.ResourceId, out _);
            return;
        }

        ((JsonObject)resource.Body["properties"]!)["provisioningState"] = operation.Failure is null ? "Succeeded" : "Failed";
    }

    private bool InFlight(string id) =>
        operations.Values.Any(o => !o.Applied && o.ResourceId.Equals(id, StringComparison.OrdinalIgnoreCase));

    private bool Take(Dictionary<string, int> counters, string type)
    {
        lock (gate)
        {
            if (counters.TryGetValue(type, out var left) && left > 0)
            {
                counters[type] = left - 1;
                return true;
            }

            return false;
        }
    }

    private static JsonObject Merge(JsonObject current, JsonObject patch)
    {
        var merged = (JsonObject)current.DeepClone();
        foreach (var (key, value) in patch)
        {
            merged[key] = value is JsonObject child && merged[key] is JsonObject existingChild && key != "tags"
                ? Merge(existingChild, child)
                : value?.DeepClone();
        }

        return merged;
    }

    internal const string ResourceGroupType = "Microsoft.Resources/resourceGroups";

    internal const string TagsType = "Microsoft.Resources/tags";

    internal const string ManagedClusterType = "Microsoft.ContainerService/managedClusters";

    internal const string AgentPoolType = "Microsoft.ContainerService/managedClusters/agentPools";

    /// <summary>The tags resource of any resource: PUT replaces the whole set, GET reads it; ARM answers at once.</summary>
    private (int, JsonNode?, Dictionary<string, string>) Tags(string method, string id, string? body, Dictionary<string, string> headers)
    {
        var scope = id[..id.LastIndexOf("/providers/", StringComparison.OrdinalIgnoreCase)];
        if (!resources.TryGetValue(scope, out var parent))
        {
            return (404, Error("ResourceNotFound", $"The resource '{scope}' was not found."), headers);
        }

        if (method == "PUT")
        {
            var tags = ParseObject(body)?["properties"]?["tags"] as JsonObject;
            if (tags is null)
            {
                return (400, Error("InvalidRequestContent", "properties.tags is required."), headers);
            }

            parent.Body["tags"] = tags.DeepClone();
            Save();
        }
        else if (method != "GET")
        {
            return (405, Error("MethodNotAllowed", $"{method} is not supported on tags."), headers);
        }

        return (200, new JsonObject
        {
            ["id"] = id,
            ["name"] = "default",
            ["type"] = TagsType,
            ["properties"] = new JsonObject { ["tags"] = parent.Body["tags"]?.DeepClone() ?? new JsonObject() },
        }, headers);
    }

    /// <summary>AKS creates the agent pools a managed cluster's PUT lists; they are resources of their own from then on.</summary>
    private void AddAgentPools(string clusterId, string type, JsonObject cluster)
    {
        if (!type.Equals(ManagedClusterType, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var profile in (cluster["properties"]?["agentPoolProfiles"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var poolId = $"{clusterId}/agentPools/{profile["name"]?.GetValue<string>()}";
            var properties = (JsonObject)profile.DeepClone();
            properties.Remove("name");
            properties["provisioningState"] = "Succeeded";
            resources.TryAdd(poolId, new SimulatedResource
            {
                Id = poolId,
                Type = AgentPoolType,
                Body = new JsonObject
                {
                    ["id"] = poolId,
                    ["name"] = profile["name"]?.GetValue<string>(),
                    ["type"] = AgentPoolType,
                    ["properties"] = properties,
                },
            });
        }
    }

    /// <summary>The ARM type of a path: the namespace after the last "providers" and every type segment after it.</summary>
    internal static string TypeOf(string[] segments)
    {
        var providers = Array.FindLastIndex(segments, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        if (providers < 0)
        {
            return ResourceGroupType;
        }

        var rest = segments[(providers + 1)..];
        return string.Join('/', [rest[0], .. rest.Skip(1).Where((_, i) => i % 2 == 0)]);
    }

    private static bool IsTopLevel(string[] segments) =>
        segments.Length == 8 && segments[4].Equals("providers", StringComparison.OrdinalIgnoreCase);
}
