using MxAzurePortal.Application.Updates;
using MxAzurePortal.UnitTests.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Updates;

public sealed class ReleaseRulesTests
{
    private static readonly DateOnly Today = new(2026, 9, 10);

    private static readonly ReleaseContext AfterQ3 = new(
        Today, ["2026 Q3"], "2026 Q3", new DateOnly(2026, 7, 1), new ComponentVersions("1.31.2", "2.21.1", "2.21.1"), ["1.31.2"]);

    private static ReleaseDraft Q4(string kubernetes = "1.32.4", string @operator = "2.22.0", string agent = "2.22.0", DateOnly? on = null, string name = "2026 Q4") =>
        new(name, kubernetes, @operator, agent, on ?? new DateOnly(2026, 10, 1), null);

    [Fact]
    public void One_minor_version_up_on_a_later_date_passes() => RuleAssert.Passes(ReleaseRules.Check(Q4(), AfterQ3));

    [Fact]
    public void A_patch_release_of_the_same_minor_version_passes() => RuleAssert.Passes(ReleaseRules.Check(Q4(kubernetes: "1.31.5"), AfterQ3));

    [Fact]
    public void The_first_release_is_checked_against_the_baseline()
    {
        var none = new ReleaseContext(Today, [], null, null, ComponentVersions.Baseline, []);

        RuleAssert.Passes(ReleaseRules.Check(Q4(), none));
        RuleAssert.Fails(ReleaseRules.Check(Q4(kubernetes: "1.33.0"), none), "KubernetesVersion", "skip minor version 1.32", "the baseline");
    }

    [Theory]
    [InlineData("1.32")]
    [InlineData("v1.32.4")]
    [InlineData("2.32.4")]
    [InlineData("1.32.4.1")]
    [InlineData("1.32.x")]
    public void A_Kubernetes_version_must_be_1_minor_patch(string version) =>
        RuleAssert.Fails(ReleaseRules.Check(Q4(kubernetes: version), AfterQ3), "KubernetesVersion", "1.minor.patch", "1.31.2");

    [Theory]
    [InlineData("2.22")]
    [InlineData("latest")]
    [InlineData("2.22.0-beta")]
    public void Operator_and_agent_versions_must_be_major_minor_patch(string version)
    {
        RuleAssert.Fails(ReleaseRules.Check(Q4(@operator: version), AfterQ3), "OperatorVersion", "Mendix Operator", "major.minor.patch");
        RuleAssert.Fails(ReleaseRules.Check(Q4(agent: version), AfterQ3), "AgentVersion", "Mendix Agent", "major.minor.patch");
    }

    [Fact]
    public void Skipping_a_Kubernetes_minor_version_is_refused() =>
        RuleAssert.Fails(ReleaseRules.Check(Q4(kubernetes: "1.33.0"), AfterQ3), "KubernetesVersion",
            "would skip minor version 1.32", "on 1.31.2", "one minor version at a time");

    [Fact]
    public void A_cluster_left_behind_counts_even_when_the_previous_release_is_newer()
    {
        var behind = AfterQ3 with { Previous = new ComponentVersions("1.32.4", "2.22.0", "2.22.0"), ClusterKubernetesVersions = ["1.32.4", "1.31.2"] };

        RuleAssert.Fails(ReleaseRules.Check(Q4(kubernetes: "1.33.1"), behind), "KubernetesVersion", "skip minor version 1.32", "on 1.31.2 (which clusters run now)");
        RuleAssert.Passes(ReleaseRules.Check(Q4(kubernetes: "1.32.6"), behind));
    }

    [Theory]
    [InlineData("1.31.1")]
    [InlineData("1.30.9")]
    public void A_Kubernetes_downgrade_is_refused(string version) =>
        RuleAssert.Fails(ReleaseRules.Check(Q4(kubernetes: version), AfterQ3), "KubernetesVersion", $"Kubernetes {version} is older than 1.31.2", "cannot downgrade");

    [Fact]
    public void A_cluster_on_a_newer_version_than_the_release_is_a_downgrade_too()
    {
        var ahead = AfterQ3 with { ClusterKubernetesVersions = ["1.32.5"] };

        RuleAssert.Fails(ReleaseRules.Check(Q4(kubernetes: "1.32.4"), ahead), "KubernetesVersion", "older than 1.32.5", "clusters run now");
    }

    [Fact]
    public void Operator_and_agent_never_go_back()
    {
        RuleAssert.Fails(ReleaseRules.Check(Q4(@operator: "2.20.9"), AfterQ3), "OperatorVersion", "2.20.9 is older than 2.21.1 of 2026 Q3");
        RuleAssert.Fails(ReleaseRules.Check(Q4(agent: "2.21.0"), AfterQ3), "AgentVersion", "2.21.0 is older than 2.21.1");
    }

    [Fact]
    public void The_date_is_today_or_later()
    {
        var context = AfterQ3 with { PreviousScheduledOn = new DateOnly(2026, 7, 1) };

        RuleAssert.Fails(ReleaseRules.Check(Q4(on: Today.AddDays(-1)), context), "ScheduledOn", "in the past", "2026-09-10");
        RuleAssert.Passes(ReleaseRules.Check(Q4(on: Today), context));
    }

    [Fact]
    public void Releases_roll_out_in_date_order() =>
        RuleAssert.Fails(ReleaseRules.Check(Q4(on: new DateOnly(2026, 9, 10)), AfterQ3 with { PreviousScheduledOn = new DateOnly(2026, 9, 20) }),
            "ScheduledOn", "2026 Q3 is scheduled on 2026-09-20", "later date");

    [Theory]
    [InlineData("2026 Q3")]
    [InlineData("2026 q3")]
    [InlineData(" 2026 Q3 ")]
    public void Each_release_has_its_own_name(string name) =>
        RuleAssert.Fails(ReleaseRules.Check(Q4(name: name), AfterQ3), "Name", "A release named 2026", "exists already");

    [Fact]
    public void A_name_is_required() => RuleAssert.Fails(ReleaseRules.Check(Q4(name: "  "), AfterQ3), "Name", "such as 2026 Q4");
}
