using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Runs;

public sealed partial class RunExecutor
{
    private async Task<StepStatus> ExecuteStepAsync(RunState run, StepState step, CancellationToken cancellationToken)
    {
        // Fencing: a worker that stalled past its lease must not start work another worker now owns.
        if (!await InScopeAsync(sp => sp.GetRequiredService<RunLeases>().RenewAsync(run.Id, run.Owner, cancellationToken)))
        {
            LogLeaseLost(logger, run.Id, run.Owner);
            await run.Lease.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        var (requests, deleting) = RequestsOf(run, step.Key);
        await UpdateStepAsync(step.Id, s =>
        {
            s.Status = StepStatus.Running;
            s.StartedAt = clock.GetUtcNow();
            s.FinishedAt = null;
            s.Attempts++;
            s.ResourceIds = string.Join('\n', requests.Select(r => r.ResourceId));
        }, cancellationToken);
        await LogAsync(run, step, "Info", $"Started: {requests.Count} Azure resource(s).", cancellationToken);

        var attempts = options.Value.StepAttempts;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var tier in Tiers(requests, deleting))
                {
                    await Task.WhenAll(tier.Select(request => ApplyAsync(run, step, request, deleting, cancellationToken)));
                }

                await UpdateStepAsync(step.Id, s =>
                {
                    s.Status = StepStatus.Succeeded;
                    s.FinishedAt = clock.GetUtcNow();
                    s.ErrorCode = null;
                    s.ErrorMessage = null;
                }, cancellationToken);
                await LogAsync(run, step, "Info", "Succeeded.", cancellationToken);
                return StepStatus.Succeeded;
            }
            catch (Exception exception) when (Classify(exception) is { } failure && !cancellationToken.IsCancellationRequested)
            {
                if (failure.IsTransient && attempt < attempts)
                {
                    var wait = TimeSpan.FromMilliseconds(options.Value.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1));
                    await LogAsync(run, step, "Warning",
                        $"Attempt {attempt} of {attempts} failed with {failure.Code}: {failure.Message} Retrying in {wait.TotalSeconds:0.#} s.",
                        cancellationToken);
                    await Task.Delay(wait, cancellationToken);
                    continue;
                }

                await UpdateStepAsync(step.Id, s =>
                {
                    s.Status = StepStatus.Failed;
                    s.FinishedAt = clock.GetUtcNow();
                    s.ErrorCode = failure.Code;
                    s.ErrorMessage = Text.Shorten(failure.Message, 4000);
                }, cancellationToken);
                await LogAsync(run, step, "Error", $"Failed with {failure.Code}: {failure.Message}", cancellationToken);
                return StepStatus.Failed;
            }
        }
    }

    private async Task ApplyAsync(RunState run, StepState step, AzureResourceRequest request, bool deleting, CancellationToken cancellationToken)
    {
        if (deleting || request.Operation == AzureOperation.Delete)
        {
            if (request.ResourceId.Contains("/agentPools/", StringComparison.OrdinalIgnoreCase))
            {
                await LogAsync(run, step, "Info", $"Cordoning and draining the nodes of {request.ResourceId}; AKS moves their pods before deleting the pool.", cancellationToken);
            }

            await azure.DeleteAsync(request.ResourceId, cancellationToken);
            await LogAsync(run, step, "Info", $"DELETE {request.ResourceId}: gone.", cancellationToken);
        }
        else if (request.Operation == AzureOperation.Patch)
        {
            var state = await azure.PatchAsync(request.ResourceId, request.Properties ?? [], cancellationToken);
            await LogAsync(run, step, "Info", $"Changed {request.ResourceId} with {request.Properties?.ToJsonString()}: {state.ProvisioningState}.", cancellationToken);
        }
        else if (request.Operation == AzureOperation.ReplaceTags)
        {
            await azure.SetTagsAsync(request.ResourceId, request.Tags, cancellationToken);
            await LogAsync(run, step, "Info", $"PUT {request.ResourceId}/providers/Microsoft.Resources/tags/default: {request.Tags.Count} tags.", cancellationToken);
        }
        else if (request.MustExist)
        {
            _ = await azure.GetAsync(request.ResourceId, cancellationToken) ?? throw new AzureOperationException(
                "ResourceGroupNotFound",
                $"The resource group '{run.Names.Settings.ResourceGroup}' does not exist in subscription {run.Names.Settings.SubscriptionId}. " +
                "Create it, or let the portal create a new one.",
                404, isTransient: false);
            await LogAsync(run, step, "Info", $"GET {request.ResourceId}: exists; the portal leaves it as it is.", cancellationToken);
        }
        else
        {
            var state = await azure.PutAsync(request, cancellationToken);
            await LogAsync(run, step, "Info", $"PUT {request.ResourceId}: {state.ProvisioningState}.", cancellationToken);
        }
    }

    private static (IReadOnlyList<AzureResourceRequest> Requests, bool Deleting) RequestsOf(RunState run, string key)
    {
        if (run.Kind == RunKind.Change)
        {
            return (Customizations.ChangePlanner.Requests(key, run.Names, run.NodePool, run.TargetNodePool, run.LeftoverNodePools), false);
        }

        if (run.Kind == RunKind.Update)
        {
            return (Updates.RolloutPlanner.Requests(key, run.Names, run.NodePool), false);
        }

        if (!key.StartsWith(RunPlanner.DeletePrefix, StringComparison.Ordinal))
        {
            return (ClusterBlueprint.Step(key).Requests(run.Names), false);
        }

        var component = ClusterBlueprint.Step(key[RunPlanner.DeletePrefix.Length..]);
        var requests = component.Key == ClusterBlueprint.ResourceGroup
            ? component.Requests(run.Names)
            : component.Requests(run.Names).Where(r => !r.MustExist).Reverse().ToList();
        return (requests, true);
    }

    /// <summary>
    /// A step's resources in the order they can go: independent ones together, a child resource (a DNS zone's network
    /// link) after its parent, or before it when deleting.
    /// </summary>
    private static IEnumerable<IReadOnlyList<AzureResourceRequest>> Tiers(IReadOnlyList<AzureResourceRequest> requests, bool deleting)
    {
        bool IsChild(AzureResourceRequest r) =>
            requests.Any(parent => r.ResourceId.StartsWith(parent.ResourceId + "/", StringComparison.OrdinalIgnoreCase));
        IReadOnlyList<AzureResourceRequest>[] tiers = [[.. requests.Where(r => !IsChild(r))], [.. requests.Where(IsChild)]];
        return (deleting ? tiers.Reverse() : tiers).Where(t => t.Count > 0);
    }

    /// <summary>The adapter reports every failure of a call, an answer or none, as <see cref="AzureOperationException"/>.</summary>
    private static (string Code, string Message, bool IsTransient)? Classify(Exception exception) =>
        exception is AzureOperationException arm ? (arm.Code, arm.Message, arm.IsTransient) : null;

    private Task UpdateStepAsync(Guid stepId, Action<RunStep> change, CancellationToken cancellationToken) =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IPortalDb>();
            var step = await db.RunSteps.SingleAsync(s => s.Id == stepId, cancellationToken);
            change(step);
            await db.SaveChangesAsync(cancellationToken);
        });

    private Task LogAsync(RunState run, StepState step, string level, string message, CancellationToken cancellationToken) =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IPortalDb>();
            db.RunStepLogs.Add(new RunStepLog
            {
                OrganisationId = run.OrganisationId,
                RunId = run.Id,
                StepId = step.Id,
                At = clock.GetUtcNow(),
                Level = level,
                Message = Text.Shorten(message, 4000),
            });
            await db.SaveChangesAsync(cancellationToken);
        });
}
