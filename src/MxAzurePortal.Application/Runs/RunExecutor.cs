using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Runs;

/// <summary>
/// Drives one claimed run: starts every step whose dependencies have succeeded (in parallel), records each step's
/// start, end, outcome and log lines, and finishes the run. Everything is written as it happens, so a run interrupted
/// by a crash continues where it was; the steps are idempotent PUTs, so repeating one creates nothing twice.
/// </summary>
public sealed partial class RunExecutor(
    IServiceScopeFactory scopes,
    IAzureResources azure,
    TimeProvider clock,
    IOptions<RunOptions> options,
    ILogger<RunExecutor> logger)
{
    public async Task DriveAsync(Guid runId, string owner, CancellationToken stopping)
    {
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewal = KeepLeaseAsync(runId, owner, lease);
        var release = true;
        try
        {
            var run = await StartAsync(runId, owner, lease, lease.Token);
            if (run is not null)
            {
                await DriveStepsAsync(run, lease.Token);
                await FinishAsync(run, lease.Token);
            }
        }
        catch (OperationCanceledException) when (lease.IsCancellationRequested)
        {
            LogInterrupted(logger, runId);
        }
        catch (Exception exception) when (!lease.IsCancellationRequested)
        {
            // A failure no step classifies (the database gone, a bug): released at once, the run would be claimed
            // again at the next poll and fail the same way, unseen, twice a second. It keeps its lease instead, so it
            // is tried again when the lease lapses, and every attempt is logged.
            LogFailedUnexpectedly(logger, exception, runId, options.Value.Lease);
            release = false;
        }
        finally
        {
            await lease.CancelAsync();
            await renewal;
            if (release)
            {
                await InScopeAsync(sp => sp.GetRequiredService<RunLeases>().ReleaseAsync(runId, owner, CancellationToken.None));
            }
        }
    }

    private async Task DriveStepsAsync(RunState run, CancellationToken cancellationToken)
    {
        var running = new Dictionary<Task<StepStatus>, StepState>();
        while (true)
        {
            foreach (var step in run.ReadySteps().Where(s => !running.ContainsValue(s)).ToList())
            {
                running[ExecuteStepAsync(run, step, cancellationToken)] = step;
            }

            if (running.Count == 0)
            {
                return;
            }

            var done = await Task.WhenAny(running.Keys);
            var finished = running[done];
            running.Remove(done);
            finished.Status = await done;
        }
    }

    private async Task<RunState?> StartAsync(Guid runId, string owner, CancellationTokenSource lease, CancellationToken cancellationToken) =>
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IPortalDb>();
            var run = await db.Runs.Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
            if (run is null || run.Status is RunStatus.Succeeded or RunStatus.Failed)
            {
                return null;
            }

            var cluster = await db.Clusters.SingleAsync(c => c.Id == run.ClusterId, cancellationToken);
            var versions = await PrepareVersionsAsync(db, run, cancellationToken);
            var resumed = run.Status == RunStatus.Running;
            run.Status = RunStatus.Running;
            run.StartedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            LogStarted(logger, run.Id, run.Kind, cluster.Id, resumed);
            return new RunState(run.Id, run.Kind, run.OrganisationId,
                new ClusterNames(cluster.Id, cluster.Name, run.TargetSettings ?? cluster.Settings) { Versions = versions },
                run.Steps.Select(s => new StepState(s.Id, s.Key, s.Name, s.Dependencies, s.Status)).ToList())
            {
                Owner = owner,
                Lease = lease,
                NodePool = cluster.NodePoolName,
                TargetNodePool = run.TargetNodePool,
                LeftoverNodePools = run.LeftoverNodePools?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            };
        });

    private async Task KeepLeaseAsync(Guid runId, string owner, CancellationTokenSource lease)
    {
        var interval = options.Value.Lease / 3;
        try
        {
            while (!lease.IsCancellationRequested)
            {
                await Task.Delay(interval, lease.Token);
                var kept = await InScopeAsync(sp => sp.GetRequiredService<RunLeases>().RenewAsync(runId, owner, lease.Token));
                if (!kept)
                {
                    LogLeaseLost(logger, runId, owner);
                    await lease.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended or the worker is stopping.
        }
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
        return await work(scope.ServiceProvider);
    }

    private Task InScopeAsync(Func<IServiceProvider, Task> work) =>
        InScopeAsync(async sp =>
        {
            await work(sp);
            return true;
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} ({RunKind}) of cluster {ClusterId} started (resumed: {Resumed})")]
    private static partial void LogStarted(ILogger logger, Guid runId, RunKind runKind, Guid clusterId, bool resumed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} stopped on an unexpected error; it is tried again when its lease lapses ({Lease})")]
    private static partial void LogFailedUnexpectedly(ILogger logger, Exception exception, Guid runId, TimeSpan lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} lost its lease held by {Owner}; another worker continues it")]
    private static partial void LogLeaseLost(ILogger logger, Guid runId, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} interrupted; it resumes when its lease expires")]
    private static partial void LogInterrupted(ILogger logger, Guid runId);
}

internal sealed record RunState(Guid Id, RunKind Kind, Guid OrganisationId, ClusterNames Names, IReadOnlyList<StepState> Steps)
{
    public required string Owner { get; init; }

    /// <summary>The system node pool in use when the run started, and the one a VM size change creates.</summary>
    public required string NodePool { get; init; }

    public string? TargetNodePool { get; init; }

    public IReadOnlyList<string> LeftoverNodePools { get; init; } = [];

    public required CancellationTokenSource Lease { get; init; }

    public IEnumerable<StepState> ReadySteps() =>
        Steps.Where(s => s.Status is StepStatus.Pending or StepStatus.Running
            && s.Dependencies.All(d => Steps.Single(o => o.Key == d).Status is StepStatus.Succeeded or StepStatus.Reused));
}

internal sealed class StepState(Guid id, string key, string name, IReadOnlyList<string> dependencies, StepStatus status)
{
    public Guid Id { get; } = id;

    public string Key { get; } = key;

    public string Name { get; } = name;

    public IReadOnlyList<string> Dependencies { get; } = dependencies;

    public StepStatus Status { get; set; } = status;
}
