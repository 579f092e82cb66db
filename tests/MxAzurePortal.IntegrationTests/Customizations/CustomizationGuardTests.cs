using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Customizations;

/// <summary>Nothing but the allowed customizations: tampered forms, other fields, stale pages and other people change nothing.</summary>
public sealed class CustomizationGuardTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private Guid id;
    private PortalSession manager = null!;
    private string settingsBefore = "";

    public async Task InitializeAsync()
    {
        manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var flow = new ClusterFlow(factory, manager);
        id = await flow.CreateAndInitializeAsync("guard-" + Guid.NewGuid().ToString("N")[..6]);
        await flow.AssertInitializedAsync(id);
        settingsBefore = await SettingsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("AksTier", "Input.SubnetPrefix", "10.0.0.0/16")]
    [InlineData("AksTier", "Input.NodeVmSize", "Standard_D16s_v5")]
    [InlineData("Tags", "Input.Settings.Region", "eastus")]
    [InlineData("GrafanaAccess", "OrganisationId", "00000000-0000-0000-0000-000000000001")]
    public async Task A_form_carrying_any_other_field_is_refused_and_changes_nothing(string customization, string field, string value)
    {
        var response = await PostAsync(customization, new() { [field] = value });

        Assert.Contains("Nothing was changed", await AlertAsync(response), StringComparison.Ordinal);
        await AssertNothingChangedAsync();
    }

    [Theory]
    [InlineData("SubnetPrefix", "fixed after the initial deployment")]
    [InlineData("ResourceGroup", "cannot be changed in Mendix on Azure")]
    [InlineData("aksTier", "cannot be changed in Mendix on Azure")]
    public async Task Anything_but_an_allowed_customization_is_refused(string customization, string message)
    {
        var token = await TokenAsync();

        var response = await manager.Client.PostAsync(new Uri($"/Clusters/{id}/Customizations/{customization}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.SubnetPrefix"] = "10.1.0.0/16" }));

        Assert.Contains(message, await AlertAsync(response), StringComparison.Ordinal);
        await AssertNothingChangedAsync();
    }

    [Theory]
    [InlineData("AksTier", "Input.AksTier", "Ultra")]
    [InlineData("NodeVmSize", "Input.NodeVmSize", "Standard_B4ms")]
    [InlineData("Postgres", "Input.PostgresSku", "Burstable|Standard_D4ds_v5")]
    [InlineData("Postgres", "Input.StoragePerformanceTier", "P4")]
    [InlineData("GrafanaAccess", "Input.GrafanaAccess", "7")]
    public async Task Values_outside_the_allowed_set_are_refused(string customization, string field, string value)
    {
        var response = await PostAsync(customization, new() { [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task The_second_person_is_told_the_value_changed_and_keeps_their_input()
    {
        var second = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var staleForm = (await second.GetDocumentAsync($"/Clusters/{id}/Customizations"))
            .QuerySelector<IHtmlFormElement>("form[action$='/Customizations/MaxNodeCount']")!;
        await PostAsync("AksTier", new() { ["Input.AksTier"] = "Standard" });
        await WaitForChangesAsync();

        var stale = await second.SubmitAsync(staleForm, new Dictionary<string, string> { ["Input.MaxNodeCount"] = "9" });

        var page = await PortalSession.ParseAsync(stale);
        Assert.Contains("Someone else changed this cluster", page.QuerySelector("[aria-labelledby=nodes-heading] [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("9", page.QuerySelector<IHtmlInputElement>("input[name='Input.MaxNodeCount']")!.Value);
        Assert.Contains("\"MaxNodeCount\":5", await SettingsAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Customizations · ", page.Title, StringComparison.Ordinal);

        // Having reviewed it, they apply again from the page they were given, and it is taken.
        var again = await second.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action$='/Customizations/MaxNodeCount']")!, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await WaitForChangesAsync();
        Assert.Contains("\"MaxNodeCount\":9", await SettingsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_read_the_page_but_cannot_apply_and_other_organisations_get_404()
    {
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var fabrikam = await PortalSession.SignedInAsync(factory, DemoAccounts.FabrikamMember.Email);
        var token = (await member.GetDocumentAsync($"/Clusters/{id}/Customizations")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var page = await member.GetDocumentAsync($"/Clusters/{id}/Customizations");
        var apply = await member.Client.PostAsync(new Uri($"/Clusters/{id}/Customizations/AksTier", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.AksTier"] = "Premium" }));
        var foreign = await fabrikam.Client.GetAsync(new Uri($"/Clusters/{id}/Customizations", UriKind.Relative));

        Assert.All(page.QuerySelectorAll("main form button[type=submit]"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.StartsWith("/Identity/Account/AccessDenied", apply.Headers.Location?.PathAndQuery ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await AssertNothingChangedAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string customization, Dictionary<string, string> values)
    {
        var form = (await manager.GetDocumentAsync($"/Clusters/{id}/Customizations"))
            .QuerySelector<IHtmlFormElement>($"form[action$='/Customizations/{customization}']")!;
        return await manager.SubmitAsync(form, values);
    }

    private async Task<string> TokenAsync() =>
        (await manager.GetDocumentAsync($"/Clusters/{id}/Customizations")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static async Task<string> AlertAsync(HttpResponseMessage response) =>
        string.Join(" ", (await PortalSession.ParseAsync(response)).QuerySelectorAll("[role=alert]").Select(a => a.TextContent));

    private async Task AssertNothingChangedAsync()
    {
        Assert.Equal(settingsBefore, await SettingsAsync());
        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.Runs.CountAsync(r => r.ClusterId == id && r.Kind == RunKind.Change)));
        Assert.Equal(ClusterStatus.Initialized, await factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    private async Task WaitForChangesAsync()
    {
        for (var i = 0; i < 400 && await factory.WithDatabaseAsync(db => db.Runs.AnyAsync(r => r.ClusterId == id
            && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running))); i++)
        {
            await Task.Delay(50);
        }
    }

    private Task<string> SettingsAsync() =>
        factory.WithDatabaseAsync(db => db.Database.SqlQuery<string>($"SELECT Settings AS Value FROM Clusters WHERE Id = {id}").SingleAsync());
}
