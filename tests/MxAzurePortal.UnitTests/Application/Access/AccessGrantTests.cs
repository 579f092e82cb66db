using MxAzurePortal.Application.Access;

namespace MxAzurePortal.UnitTests.Application.Access;

public sealed class AccessGrantTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private static AccessGrant Request(int hours = 4) => new()
    {
        Status = AccessGrantStatus.Pending, DurationHours = hours, RequestedAt = T0, RequestedBy = "Sam Support", Reason = "ingress",
        Source = AccessGrantSource.StaffRequest,
    };

    [Fact]
    public void A_pending_request_expires_exactly_24_hours_after_it_was_made()
    {
        var grant = Request();

        Assert.Null(grant.Settle(T0.AddHours(24).AddTicks(-1)));
        Assert.Equal(AccessGrantStatus.Expired, grant.Settle(T0.AddHours(24)));
        Assert.Equal(T0.AddHours(24), grant.EndedAt);
        Assert.NotNull(grant.Approve("Casey", null, T0.AddHours(25)));
    }

    [Fact]
    public void An_approved_grant_is_active_for_its_hours_from_the_moment_staff_start_it()
    {
        var grant = Request(hours: 3);
        Assert.Null(grant.Approve("Casey", "u1", T0.AddHours(1)));
        Assert.False(grant.AllowsAccessAt(T0.AddHours(1)));

        Assert.Null(grant.Activate("Sam", T0.AddHours(5)));

        Assert.True(grant.AllowsAccessAt(T0.AddHours(5)));
        Assert.True(grant.AllowsAccessAt(T0.AddHours(8).AddTicks(-1)));
        Assert.False(grant.AllowsAccessAt(T0.AddHours(8)));
        Assert.Equal(AccessGrantStatus.Complete, grant.Settle(T0.AddHours(8)));
    }

    [Fact]
    public void An_approval_not_started_within_24_hours_expires()
    {
        var grant = Request();
        grant.Approve("Casey", null, T0.AddHours(2));

        Assert.Null(grant.Settle(T0.AddHours(26).AddTicks(-1)));
        Assert.Equal(AccessGrantStatus.Expired, grant.Settle(T0.AddHours(26)));
        Assert.NotNull(grant.Activate("Sam", T0.AddHours(26)));
    }

    [Fact]
    public void Denied_and_revoked_grants_can_never_be_used()
    {
        var denied = Request();
        var revoked = Request();
        revoked.Approve("Casey", null, T0);
        revoked.Activate("Sam", T0);

        Assert.Null(denied.Deny("Casey", null, T0));
        Assert.Null(revoked.Revoke("Casey", T0.AddMinutes(5)));

        Assert.NotNull(denied.Activate("Sam", T0));
        Assert.False(revoked.AllowsAccessAt(T0.AddMinutes(5)));
        Assert.Null(revoked.Settle(T0.AddDays(2)));
        Assert.Equal(AccessGrantStatus.Revoked, revoked.Status);
        Assert.NotNull(revoked.Revoke("Casey", T0.AddMinutes(6)));
    }

    [Theory]
    [InlineData(AccessGrantStatus.Approved)]
    [InlineData(AccessGrantStatus.Active)]
    [InlineData(AccessGrantStatus.Denied)]
    public void Only_a_pending_request_can_be_answered(AccessGrantStatus status)
    {
        var grant = Request();
        grant.Status = status;

        Assert.NotNull(grant.Approve("Casey", null, T0));
        Assert.NotNull(grant.Deny("Casey", null, T0));
        Assert.Equal(status, grant.Status);
    }
}
