using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.UnitTests.Application.Support;

public sealed class TicketAccessTests
{
    private static readonly DateTimeOffset Consented = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(23 * 60 + 59, AccessGrantStatus.Approved)]
    [InlineData(24 * 60, AccessGrantStatus.Expired)]
    public void A_consent_not_started_within_24_hours_reads_as_expired_before_anyone_settles_it(int minutesLater, AccessGrantStatus shown)
    {
        var access = new TicketAccess(AccessGrantStatus.Approved, 3, Consented, Consented, ActiveUntil: null);

        Assert.Equal(shown, access.StatusAt(Consented.AddMinutes(minutesLater)));
    }

    [Fact]
    public void An_active_grant_past_its_hours_reads_as_ended()
    {
        var access = new TicketAccess(AccessGrantStatus.Active, 3, Consented, Consented, Consented.AddHours(4));

        Assert.Equal("Ended: its 3 hours are over.", access.Describe(Consented.AddHours(4)));
        Assert.StartsWith("Mendix staff have access until 2026-05-01 12:00 UTC", access.Describe(Consented.AddHours(3)), StringComparison.Ordinal);
    }
}
