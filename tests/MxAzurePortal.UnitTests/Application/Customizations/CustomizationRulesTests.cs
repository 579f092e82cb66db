using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Customizations;

namespace MxAzurePortal.UnitTests.Application.Customizations;

public sealed class CustomizationRulesTests
{
    private static readonly DateTimeOffset Raised = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly ClusterSettings Current = new() { SubscriptionId = "s", ResourceGroup = "rg", Region = "westeurope" };

    [Theory]
    [InlineData(0, false)]
    [InlineData(11 * 60 + 59, false)]
    [InlineData(12 * 60, true)]
    [InlineData(13 * 60, true)]
    public void A_raised_tier_can_be_lowered_only_12_hours_after_raising(int minutesLater, bool allowed)
    {
        var result = ClusterRules.StorageTierLowering("P30", "P15", Raised, Raised.AddMinutes(minutesLater));

        Assert.Equal(allowed, result.IsValid);
        if (!allowed)
        {
            Assert.Contains("from 2026-05-01 20:00 UTC", result.Errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("P30", "P40")]
    [InlineData("P30", "P30")]
    public void Raising_or_keeping_the_tier_is_never_locked(string current, string wanted) =>
        Assert.True(ClusterRules.StorageTierLowering(current, wanted, Raised, Raised).IsValid);

    [Fact]
    public void A_tier_never_raised_can_be_lowered() =>
        Assert.True(ClusterRules.StorageTierLowering("P30", "P15", raisedAt: null, Raised).IsValid);

    [Fact]
    public void Switching_to_internal_exposure_needs_confirmation()
    {
        Assert.False(new LoadBalancerChange(LoadBalancerExposure.Internal, Confirmed: false).Check(Current).IsValid);
        Assert.True(new LoadBalancerChange(LoadBalancerExposure.Internal, Confirmed: true).Check(Current).IsValid);
        Assert.True(new LoadBalancerChange(LoadBalancerExposure.Public, Confirmed: false).Check(Current with { LoadBalancer = LoadBalancerExposure.Internal }).IsValid);
    }

    [Fact]
    public void An_undefined_enum_value_is_refused()
    {
        Assert.False(new AksTierChange((AksTier)7).Check(Current).IsValid);
        Assert.False(new GrafanaAccessChange((GrafanaAccess)7).Check(Current).IsValid);
        Assert.False(new LoadBalancerChange((LoadBalancerExposure)7, Confirmed: true).Check(Current).IsValid);
    }

    [Theory]
    [InlineData(31, true)]
    [InlineData(32, false)]
    public void Max_node_count_is_checked_against_the_clusters_own_subnet(int max, bool valid) =>
        Assert.Equal(valid, new MaxNodeCountChange(max).Check(Current).IsValid);

    [Theory]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public void A_VM_size_change_needs_room_for_the_new_pool_beside_the_old_one_at_its_maximum(int max, bool valid)
    {
        // 192.168.0.0/22 has 1,019 usable addresses: the old pool's maximum, three new nodes and a surge node at 31 each.
        var result = new NodeVmSizeChange("Standard_D8s_v5").Check(Current with { MaxNodeCount = max });

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(nameof(ClusterSettings.NodeVmSize), result.Errors[0].Field);
            Assert.Contains("Lower the maximum node count to 28 first", result.Errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tags_may_not_use_the_names_the_portal_manages()
    {
        var result = new TagsChange(new Dictionary<string, string> { ["mx-managed-by"] = "me" }).Check(Current);

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("system", "system2")]
    [InlineData("system2", "system3")]
    [InlineData("system11", "system12")]
    public void Each_VM_size_change_names_a_new_pool(string current, string next) =>
        Assert.Equal(next, ChangePlanner.NextPoolName(current));

    [Theory]
    [InlineData("system", "system2", "system3")]
    [InlineData("system", "system2,system9", "system10")]
    [InlineData("system12", "system3", "system13")]
    public void A_new_pool_is_named_past_the_pools_failed_changes_left(string current, string leftovers, string next) =>
        Assert.Equal(next, ChangePlanner.NextPoolName(current, leftovers.Split(',')));

    [Fact]
    public void Only_the_changed_parts_are_patched_on_the_flexible_server()
    {
        var names = new MxAzurePortal.Application.Clusters.Provisioning.ClusterNames(Guid.Empty, "c1", Current with { StoragePerformanceTier = "P20" });

        var request = Assert.Single(ChangePlanner.Requests("postgresql-compute", names, "system", null));

        Assert.Equal(MxAzurePortal.Application.Azure.AzureOperation.Patch, request.Operation);
        Assert.Equal("""{"sku":{"name":"Standard_D2ds_v5","tier":"GeneralPurpose"},"properties":{"storage":{"tier":"P20"}}}""", request.Properties!.ToJsonString());
    }
}
