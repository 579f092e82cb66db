using MxAzurePortal.Web.Pages.Clusters;

namespace MxAzurePortal.UnitTests.Web.Pages.Clusters;

public sealed class ActivityDisplayTests
{
    [Theory]
    [InlineData("InitializeSucceeded", "Initialize succeeded")]
    [InlineData("TicketOpened", "Ticket opened")]
    [InlineData("EnvironmentRemovalRequested", "Environment removal requested")]
    [InlineData("StaffAccess", "Staff access")]
    [InlineData("Deleted", "Deleted")]
    [InlineData("", "")]
    public void An_action_code_reads_as_words_with_only_its_first_capital_kept(string code, string label) =>
        Assert.Equal(label, ActivityDisplay.ActionLabel(code));
}
