using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Application.Runs;

public sealed partial class RunExecutor
{
    /// <summary>Records the run's outcome and what follows from it, in one transaction.</summary>
    private Task FinishAsync(RunState state, CancellationToken cancellationToken) =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IPortalDb>();
            var activity = sp.GetRequiredService<ActivityLog>();
            var run = await db.Runs.Include(r => r.Steps).SingleAsync(r => r.Id == state.Id, cancellationToken);
            var cluster = await db.Clusters.SingleAsync(c => c.Id == run.ClusterId, cancellationToken);
            var succeeded = run.Steps.All(s => s.Status is StepStatus.Succeeded or StepStatus.Reused);
            var failed = run.Steps.Where(s => s.Status == StepStatus.Failed).OrderBy(s => s.Order).ToList();
            run.Status = succeeded ? RunStatus.Succeeded : RunStatus.Failed;
            run.FinishedAt = clock.GetUtcNow();

            if (run.Kind == RunKind.Change)
            {
                FinishChange(activity, cluster, run, failed);
            }
            else if (run.Kind == RunKind.Update)
            {
                await Updates.UpdateRuns.FinishedAsync(db, activity, cluster, run, clock.GetUtcNow(), cancellationToken);
            }
            else if (run.Kind == RunKind.Delete && succeeded)
            {
                activity.Add(cluster.OrganisationId, null, cluster.Name, "ClusterDeleted",
                    $"Cluster {cluster.Name} and its Azure resources were deleted, with its support tickets.", bySystem: true);
                db.Clusters.Remove(cluster);
            }
            else
            {
                cluster.Status = succeeded ? ClusterStatus.Initialized : ClusterStatus.Failed;
                cluster.LastRunId = run.Id;
                if (succeeded)
                {
                    Updates.UpdateRuns.Installed(cluster, run);
                }

                activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, $"{run.Kind}{run.Status}", Describe(run, failed), bySystem: true);
                if (!succeeded && await IsFailedManualRerunAsync(db, run, cancellationToken))
                {
                    if (await OpenAutomaticTicketAsync(db, cluster.Id, cancellationToken) is { } open)
                    {
                        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "AutomaticTicketOpen",
                            $"The manual rerun failed again; Mendix Support already has the automatic ticket \"{open.Subject}\" "
                            + "of this cluster, which is not solved yet, so no other was opened.", bySystem: true);
                    }
                    else
                    {
                        await AddAutomaticTicketAsync(db, cluster, run, failed, cancellationToken);
                        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "AutomaticTicket",
                            "The manual rerun failed too, so a support ticket was opened for Mendix Support.", bySystem: true);
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        });

    /// <summary>A change leaves the cluster running either way; only success makes the new settings the cluster's.</summary>
    private void FinishChange(ActivityLog activity, Cluster cluster, ClusterRun run, IReadOnlyList<RunStep> failed)
    {
        cluster.LastRunId = run.Id;
        if (failed.Count == 0 && run.TargetSettings is { } target)
        {
            if (ClusterRules.TierRank(target.StoragePerformanceTier) > ClusterRules.TierRank(cluster.Settings.StoragePerformanceTier))
            {
                cluster.StorageTierRaisedAt = clock.GetUtcNow();
            }

            cluster.Settings = target;
            cluster.NodePoolName = run.TargetNodePool ?? cluster.NodePoolName;
            cluster.Version++;
            activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "CustomizationApplied",
                $"Applied for {run.RequestedBy}: {run.Summary}", bySystem: true);
            return;
        }

        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "CustomizationFailed",
            $"Not applied ({run.Summary}), requested by {run.RequestedBy}: " +
            string.Join("; ", failed.Select(s => $"{s.Name}: {s.ErrorCode}: {s.ErrorMessage}")), bySystem: true);
    }

    private static string Describe(ClusterRun run, IReadOnlyList<RunStep> failed) => failed.Count == 0
        ? $"{run.Kind} requested by {run.RequestedBy} {run.Status.ToString().ToLowerInvariant()}."
        : $"{run.Kind} requested by {run.RequestedBy} failed at: " +
          string.Join("; ", failed.Select(s => $"{s.Name} ({s.ErrorCode}: {s.ErrorMessage})"));

    /// <summary>A run that failed although someone reran it by hand after an earlier failure.</summary>
    private static async Task<bool> IsFailedManualRerunAsync(IPortalDb db, ClusterRun run, CancellationToken cancellationToken) =>
        run.Kind == RunKind.Rerun && run.RequestedByUserId is not null && run.PreviousRunId is { } previous
        && await db.Runs.AnyAsync(r => r.Id == previous && r.Status == RunStatus.Failed, cancellationToken)
        && !await db.SupportTickets.AnyAsync(t => t.RunId == run.Id, cancellationToken);

    /// <summary>The cluster's automatic ticket Mendix Support has not solved yet: a further failed rerun adds no other.</summary>
    private static Task<SupportTicket?> OpenAutomaticTicketAsync(IPortalDb db, Guid clusterId, CancellationToken cancellationToken) =>
        db.SupportTickets.Where(t => t.ClusterId == clusterId && t.Source == TicketSource.Automatic && t.Status != TicketStatus.Solved)
            .OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    private async Task AddAutomaticTicketAsync(
        IPortalDb db, Cluster cluster, ClusterRun run, IReadOnlyList<RunStep> failed, CancellationToken cancellationToken)
    {
        var stepIds = failed.Select(s => s.Id).ToList();
        var logs = await db.RunStepLogs.Where(l => stepIds.Contains(l.StepId)).OrderBy(l => l.Id)
            .Select(l => new { l.StepId, l.At, l.Level, l.Message }).ToListAsync(cancellationToken);
        var description = new System.Text.StringBuilder()
            .AppendLine($"Initialization of cluster {cluster.Name} ({cluster.Id}) in {cluster.Region} failed, and the manual rerun " +
                        $"requested by {run.RequestedBy} failed too (run {run.Id}, rerun of {run.PreviousRunId}).")
            .AppendLine();
        foreach (var step in failed)
        {
            description.AppendLine($"Failed step: {step.Name} ({step.Key}), attempts: {step.Attempts}")
                .AppendLine($"Azure error: {step.ErrorCode}: {step.ErrorMessage}")
                .AppendLine("Log:");
            foreach (var line in logs.Where(l => l.StepId == step.Id).TakeLast(20))
            {
                description.AppendLine($"  {line.At:yyyy-MM-dd HH:mm:ss} {line.Level}: {line.Message}");
            }

            description.AppendLine();
        }

        // Delivered to Zendesk like any ticket: its outbox entry is saved with it. Logs are shared: the failed steps'
        // logs are in the description, and the cluster's recent logs go as an attachment. It is raised on behalf of
        // whoever reran: they are its requester in Zendesk and see its Go to ticket link, to follow it and reply.
        TicketService.Queue(db, new SupportTicket
        {
            OrganisationId = cluster.OrganisationId,
            ClusterId = cluster.Id,
            RunId = run.Id,
            Source = TicketSource.Automatic,
            Severity = TicketSeverity.High,
            Subject = $"Cluster {cluster.Name} failed to initialize after a manual rerun",
            Description = description.ToString(),
            CreatedBy = run.RequestedBy,
            CreatedByUserId = run.RequestedByUserId,
            RequesterEmail = run.RequestedByEmail,
            ShareLogs = true,
        }, clock.GetUtcNow());
    }
}
