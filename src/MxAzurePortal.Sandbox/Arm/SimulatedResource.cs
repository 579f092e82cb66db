using System.Text.Json.Nodes;

namespace MxAzurePortal.Sandbox.Arm;

/// <summary>One resource as the simulated ARM holds it: the last body PUT or PATCHed, with ARM's own fields.</summary>
public sealed class SimulatedResource
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required JsonObject Body { get; set; }

    public int Generation { get; set; }

    public string ProvisioningState =>
        Body["properties"]?["provisioningState"]?.GetValue<string>() ?? "Succeeded";
}

/// <summary>A long-running operation: it completes when its time comes, then the resource takes its outcome.</summary>
public sealed class SimulatedOperation
{
    public required string Id { get; init; }

    public required string ResourceId { get; init; }

    public required bool IsDelete { get; init; }

    public required DateTimeOffset CompletesAt { get; init; }

    public (string Code, string Message)? Failure { get; init; }

    public bool Applied { get; set; }
}

public sealed record ArmRequestRecord(string Method, string Path, string? ApiVersion, string? Body, int Status);
