using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters.Preflight;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Clusters;

/// <summary>Reads and changes clusters. Tenancy comes from the data layer's filter, never from a parameter.</summary>
public sealed partial class ClusterService(
    IPortalDb db,
    ICurrentUser user,
    ActivityLog activity,
    PreflightService preflight,
    IMendixOnKubernetes mendixOnKubernetes,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<ClusterListItem>> ListAsync(ClusterStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Clusters.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(c => c.Status == wanted);
        }

        return await query
            .OrderBy(c => c.Name)
            .Select(c => new ClusterListItem(c.Id, c.Name, c.Region, c.Status, c.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The cluster's id, name and status, or null when it does not exist or belongs to another organisation.</summary>
    public Task<ClusterHeader?> GetHeaderAsync(Guid id, CancellationToken cancellationToken) =>
        db.Clusters.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ClusterHeader(c.Id, c.Name, c.Status))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The cluster's own fields, without its runs, tickets or access: for pages that show only its settings.</summary>
    public Task<ClusterOverview?> GetSettingsAsync(Guid id, CancellationToken cancellationToken) =>
        SettingsQuery(db.Context(), id, cancellationToken);

    // Compiled once: every page of a cluster's settings (Customizations among them) reads it.
    private static readonly Func<DbContext, Guid, CancellationToken, Task<ClusterOverview?>> SettingsQuery =
        EF.CompileAsyncQuery((DbContext db, Guid id, CancellationToken _) =>
            db.Set<Cluster>().AsNoTracking().Where(c => c.Id == id)
                .Select(c => new ClusterOverview(c.Id, c.Name, c.Organisation!.Name, c.Region, c.Status, c.CreatedAt, c.UpdatedAt, c.Settings, c.Version))
                .SingleOrDefault());

    /// <summary>How many support tickets the cluster has (they are deleted with it).</summary>
    public Task<int> CountTicketsAsync(Guid id, CancellationToken cancellationToken) =>
        db.SupportTickets.CountAsync(t => t.ClusterId == id, cancellationToken);

    /// <summary>The overview of one cluster, or null when it does not exist or belongs to another organisation.</summary>
    public async Task<ClusterOverview?> GetOverviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var answeredBy = now - Access.AccessGrant.AnswerWithin;

        // One round trip for the cluster, its access counts and the ids of its latest runs; the runs follow in one more.
        var cluster = await OverviewQuery(db.Context(), id, answeredBy, now, cancellationToken);
        if (cluster is null)
        {
            return null;
        }

        var (lastRunId, provisioningId) = (cluster.LastRunId, cluster.ProvisioningId);
        var views = lastRunId is { } lastId ? await LoadRunsAsync(lastId, provisioningId ?? lastId, cancellationToken) : [];
        return cluster.Overview with
        {
            LastRun = lastRunId is { } last ? views[last] : null,
            Provisioning = provisioningId is { } provisioning ? views[provisioning] : null,
            Preflight = cluster.PreflightReport is null ? null : JsonSerializer.Deserialize<PreflightReport>(cluster.PreflightReport),
            PendingAccessRequests = cluster.Pending,
            StaffAccessUntil = cluster.StaffUntil,
            Updated = cluster.Updated,
        };
    }

    /// <summary>The Overview's own row: compiled once, as the page reads it on every visit and every progress poll.</summary>
    private sealed record OverviewRow(
        ClusterOverview Overview, string? PreflightReport, Updates.UpdatedCluster Updated, int Pending, DateTimeOffset? StaffUntil,
        Guid? LastRunId, Guid? ProvisioningId);

    private static readonly Func<DbContext, Guid, DateTimeOffset, DateTimeOffset, CancellationToken, Task<OverviewRow?>> OverviewQuery =
        EF.CompileAsyncQuery((DbContext db, Guid id, DateTimeOffset answeredBy, DateTimeOffset now, CancellationToken _) =>
            db.Set<Cluster>().AsNoTracking()
                .Where(c => c.Id == id)
                .Select(c => new OverviewRow(
                    new ClusterOverview(c.Id, c.Name, c.Organisation!.Name, c.Region, c.Status, c.CreatedAt, c.UpdatedAt, c.Settings, c.Version),
                    c.PreflightReport,
                    new Updates.UpdatedCluster(c.Id, c.Name, c.CreatedAt, c.KubernetesVersion, c.OperatorVersion, c.AgentVersion),
                    db.Set<Access.AccessGrant>().Count(g => g.ClusterId == c.Id && g.Status == Access.AccessGrantStatus.Pending && g.RequestedAt > answeredBy),
                    db.Set<Access.AccessGrant>().Where(g => g.ClusterId == c.Id && g.Status == Access.AccessGrantStatus.Active && g.ActiveUntil > now)
                        .Max(g => g.ActiveUntil),
                    db.Set<ClusterRun>().Where(r => r.ClusterId == c.Id).OrderByDescending(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefault(),
                    db.Set<ClusterRun>().Where(r => r.ClusterId == c.Id && (r.Kind == RunKind.Initialize || r.Kind == RunKind.Rerun))
                        .OrderByDescending(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefault()))
                .SingleOrDefault());

    private sealed record RunStepRow(RunView Run, StepView View);

    private static readonly Func<DbContext, Guid, Guid, IAsyncEnumerable<RunStepRow>> StepsQuery =
        EF.CompileAsyncQuery((DbContext db, Guid first, Guid second) =>
            db.Set<RunStep>().AsNoTracking().Where(s => s.RunId == first || s.RunId == second).OrderBy(s => s.Order)
                .Select(s => new RunStepRow(
                    new RunView(s.Run!.Id, s.Run.Kind, s.Run.Status, s.Run.RequestedBy, s.Run.CreatedAt, s.Run.StartedAt, s.Run.FinishedAt,
                        s.Run.PreviousRunId, new List<StepView>()),
                    new StepView(s.Id, s.Key, s.Name, s.Status, s.Attempts, s.StartedAt, s.FinishedAt, s.ErrorCode, s.ErrorMessage, s.ResourceIds))));

    /// <summary>A run of the cluster with every step and log line, for the Details view; null when not the caller's.</summary>
    public async Task<RunDetails?> GetRunAsync(Guid clusterId, Guid runId, CancellationToken cancellationToken)
    {
        var clusterName = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        if (clusterName is null || !await db.Runs.AnyAsync(r => r.Id == runId && r.ClusterId == clusterId, cancellationToken))
        {
            return null;
        }

        var run = (await LoadRunsAsync(runId, runId, cancellationToken))[runId];
        var log = await db.RunStepLogs.AsNoTracking().Where(l => l.RunId == runId).OrderBy(l => l.Id)
            .Select(l => new StepLogLine(l.StepId, l.At, l.Level, l.Message))
            .ToListAsync(cancellationToken);
        return new RunDetails(clusterName, run, log);
    }

    /// <summary>
    /// One or two runs with their steps. Two ids, not a list: a list parameter makes EF Core generate the SQL on every
    /// execution under a lock that every request contends for; two scalar parameters keep one cached command.
    /// </summary>
    private async Task<Dictionary<Guid, RunView>> LoadRunsAsync(Guid first, Guid second, CancellationToken cancellationToken)
    {
        // The steps with their run's columns, joined from the steps' side (one statement); a run without steps yet is
        // read on its own.
        var steps = await StepsQuery(db.Context(), first, second).ToListAsync(cancellationToken);
        var runs = steps.GroupBy(s => s.Run.Id).ToDictionary(g => g.Key, g => g.First().Run with { Steps = [.. g.Select(s => s.View)] });
        foreach (var id in new[] { first, second }.Where(id => !runs.ContainsKey(id)).Distinct())
        {
            if (await db.Runs.AsNoTracking().Where(r => r.Id == id)
                    .Select(r => new RunView(r.Id, r.Kind, r.Status, r.RequestedBy, r.CreatedAt, r.StartedAt, r.FinishedAt, r.PreviousRunId, new List<StepView>()))
                    .SingleOrDefaultAsync(cancellationToken) is { } run)
            {
                runs[id] = run;
            }
        }

        return runs;
    }
}
