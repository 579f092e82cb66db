using Microsoft.Playwright;
using MxAzurePortal.BrowserTests.Hosting;

namespace MxAzurePortal.BrowserTests.Access;

public sealed class StaffAccessTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Staff_request_access_on_a_ticket_the_customer_approves_staff_read_logs_then_revocation_refuses_them()
    {
        var customer = await portal.SignedInPageAsync("manager@contoso.example");
        await customer.OpenTicketOnContosoProdAsync("Apps restart every few minutes", "Since this morning every app restarts about every five minutes.");

        var staff = await portal.SignedInPageAsync("support@mendix.example");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Admin" }).First.ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "All tickets" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Apps restart every few minutes" }).ClickAsync();
        Assert.Equal(0, await staff.GetByRole(AriaRole.Alert).Locator("visible=true").CountAsync());
        await staff.GetByLabel("Reason").FillAsync("Need to read the operator's logs to find why apps restart");
        await staff.GetByLabel("Hours").FillAsync("2");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Request access" }).ClickAsync();
        await staff.GetByRole(AriaRole.Status).Filter(new() { HasText = "Access requested" }).WaitForAsync();

        await customer.GetByRole(AriaRole.Link, new() { Name = "contoso-prod" }).First.ClickAsync();
        await customer.GetByRole(AriaRole.Link, new() { Name = "Access", Exact = true }).ClickAsync();
        var request = customer.Locator("tr[data-grant]", new() { HasText = "Need to read the operator's logs" });
        Assert.Equal("Pending", await request.Locator("[data-grant-status]").TextContentAsync());
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await customer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Access approved" }).WaitForAsync();

        await staff.GetByRole(AriaRole.Link, new() { Name = "contoso-prod" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Start access (2 h)" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Logs" }).ClickAsync();
        var logs = staff.GetByTestId("cluster-logs");
        Assert.Contains("mendix-", await logs.TextContentAsync(), StringComparison.Ordinal);

        await customer.ReloadAsync();
        var grant = customer.Locator("tr[data-grant]", new() { HasText = "Need to read the operator's logs" });
        Assert.Contains("viewed the cluster's recent logs", await grant.TextContentAsync(), StringComparison.Ordinal);
        await grant.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await customer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Access revoked" }).WaitForAsync();

        var refused = await staff.ReloadAsync();
        Assert.Equal(403, refused!.Status);
        Assert.Contains("no active access grant", await staff.GetByTestId("access-refused").TextContentAsync(), StringComparison.Ordinal);
    }
}
