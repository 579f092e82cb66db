using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.UnitTests.Application.Runs;

public sealed class RunPlannerTests
{
    [Fact]
    public void A_rerun_installs_the_versions_of_the_run_it_resumes()
    {
        var cluster = new Cluster
        {
            Name = "contoso",
            Region = "westeurope",
            Settings = new ClusterSettings { SubscriptionId = "s", ResourceGroup = "rg", Region = "westeurope" },
        };
        var failed = RunPlanner.Initialize(cluster, "test", null);
        UpdateRuns.Target(failed, new ComponentVersions("1.32.4", "2.22.0", "2.22.1"));

        var rerun = RunPlanner.Rerun(cluster, failed, "test", null);

        Assert.Equal(new ComponentVersions("1.32.4", "2.22.0", "2.22.1"), UpdateRuns.TargetOf(rerun));
        Assert.Null(UpdateRuns.TargetOf(RunPlanner.Initialize(cluster, "test", null)));
    }
}
