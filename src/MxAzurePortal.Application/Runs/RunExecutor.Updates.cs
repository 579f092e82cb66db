using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.Application.Runs;

public sealed partial class RunExecutor
{
    /// <summary>
    /// The versions the run installs. An initialization takes them when it first starts (the latest release whose date
    /// has come) and keeps them in its row, so a resumed run or a rerun installs the same.
    /// </summary>
    private async Task<ComponentVersions?> PrepareVersionsAsync(IPortalDb db, ClusterRun run, CancellationToken cancellationToken)
    {
        if (run.Kind is RunKind.Initialize or RunKind.Rerun && UpdateRuns.TargetOf(run) is null)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            UpdateRuns.Target(run, await UpdateRuns.CurrentAsync(db, today, cancellationToken));
        }
        else if (run.Kind == RunKind.Update)
        {
            await UpdateRuns.StartedAsync(db, run, cancellationToken);
        }

        return run.Kind is RunKind.Initialize or RunKind.Rerun or RunKind.Update ? UpdateRuns.TargetOf(run) : null;
    }
}
