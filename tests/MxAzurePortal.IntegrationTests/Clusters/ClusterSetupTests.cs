using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Support;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using MxAzurePortal.Sandbox.Hosting;

namespace MxAzurePortal.IntegrationTests.Clusters;

/// <summary>Bad input and refusals in the guided flow: a clear message, and nothing changed.</summary>
public sealed class ClusterSetupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task While_Mendix_on_Kubernetes_is_down_no_cluster_can_be_created()
    {
        var flow = await FlowAsync();
        var mxk8s = factory.Services.GetRequiredService<MendixOnKubernetesSimulator>();
        mxk8s.Available = false;
        try
        {
            var refused = await flow.CreateAsync("setup-mxk8s");

            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Mendix on Kubernetes is unavailable", (await PortalSession.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.False(await factory.WithDatabaseAsync(db => db.Clusters.AnyAsync(c => c.Name == "setup-mxk8s")));
        }
        finally
        {
            mxk8s.Available = true;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await flow.CreateAsync("setup-mxk8s")).StatusCode);
    }

    [Fact]
    public async Task Staff_switch_Mendix_on_Kubernetes_off_and_on_from_the_admin_view()
    {
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);
        var mxk8s = factory.Services.GetRequiredService<MendixOnKubernetesSimulator>();
        try
        {
            var admin = await staff.GetDocumentAsync("/Admin");
            Assert.Equal("Available", admin.QuerySelector("[data-testid=mxk8s-status]")!.TextContent.Trim());
            await staff.SubmitAsync(admin.QuerySelector<IHtmlFormElement>("form[action*='MendixOnKubernetes']")!, new Dictionary<string, string>());

            Assert.False(mxk8s.Available);
            Assert.Equal("Unavailable", (await staff.GetDocumentAsync("/Admin")).QuerySelector("[data-testid=mxk8s-status]")!.TextContent.Trim());
            var flow = await FlowAsync();
            Assert.Contains("unavailable", await (await flow.CreateAsync("setup-switch")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            mxk8s.Available = true;
        }
    }

    [Fact]
    public async Task Invalid_names_are_refused_with_what_is_allowed()
    {
        var flow = await FlowAsync();

        var refused = await flow.CreateAsync("Bad_Name!", subscription: "not-a-guid");

        var page = await PortalSession.ParseAsync(refused);
        Assert.Contains("lowercase letters", page.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("GUID", page.QuerySelector("[data-valmsg-for='Input.SubscriptionId']")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDatabaseAsync(db => db.Clusters.AnyAsync(c => c.Name == "Bad_Name!")));
    }

    [Fact]
    public async Task A_failed_preflight_check_blocks_initialization()
    {
        var flow = await FlowAsync();
        flow.Arm.Options.UnregisteredProviders.Add("Microsoft.Dashboard");
        try
        {
            var created = await flow.CreateAsync("setup-blocked");
            var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
            var preflight = await session.GetDocumentAsync($"/Clusters/{id}/Preflight");
            Assert.Contains("Microsoft.Dashboard", preflight.QuerySelector("tr[data-check='Resource providers registered']")!.TextContent, StringComparison.Ordinal);

            var refused = await flow.InitializeAsync(id);

            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Resource providers registered", (await PortalSession.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(ClusterStatus.ReadyToInitialize, await StatusAsync(id));
            Assert.Equal(0, await factory.WithDatabaseAsync(db => db.Runs.CountAsync(r => r.ClusterId == id)));
        }
        finally
        {
            flow.Arm.Options.UnregisteredProviders.Clear();
        }
    }

    [Fact]
    public async Task Provision_refuses_values_outside_Azures_rules_and_keeps_the_settings()
    {
        var flow = await FlowAsync();
        var id = Guid.Parse((await flow.CreateAsync("setup-rules")).Headers.Location!.OriginalString.Split('/')[2]);
        var before = await SettingsAsync(id);

        var refused = await session.SubmitAsync(await flow.FormAsync($"/Clusters/{id}/Provision"), new Dictionary<string, string>
        {
            ["Input.SubnetPrefix"] = "192.168.0.1/22",
            ["Input.MaxNodeCount"] = "1001",
            ["Input.Tags[0].Name"] = "bad<name",
            ["Input.Tags[0].Value"] = "x",
            ["Input.Tags[1].Name"] = "team",
            ["Input.Tags[1].Value"] = new string('v', 301),
        });

        var page = await PortalSession.ParseAsync(refused);
        Assert.Contains("192.168.0.0/22", page.QuerySelector("[data-valmsg-for='Input.SubnetPrefix']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1000", page.QuerySelector("[data-valmsg-for='Input.MaxNodeCount']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("bad<name", page.QuerySelector("[data-valmsg-for='Input.Tags']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at most 256", page.QuerySelector("[data-valmsg-for='Input.Tags']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await SettingsAsync(id));
    }

    [Theory]
    [InlineData(ClusterStatus.Failed, "rerun it, or delete the cluster")]
    [InlineData(ClusterStatus.Initialized, "initialized already")]
    public async Task The_setup_of_a_cluster_past_it_says_why_it_cannot_change(ClusterStatus status, string why)
    {
        await FlowAsync();
        var id = await DemoClusters.AddAsync(factory, DemoAccounts.Contoso, $"setup-past-{status}".ToLowerInvariant(), status);

        var response = await session.Client.GetAsync(new Uri($"/Clusters/{id}/Provision", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var overview = await session.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(why, overview.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_form_is_told_the_cluster_changed_and_saves_nothing()
    {
        var flow = await FlowAsync();
        var id = Guid.Parse((await flow.CreateAsync("setup-stale")).Headers.Location!.OriginalString.Split('/')[2]);
        var staleForm = await flow.FormAsync($"/Clusters/{id}/Provision");
        var saved = await session.SubmitAsync(await flow.FormAsync($"/Clusters/{id}/Provision"), new Dictionary<string, string> { ["Input.MaxNodeCount"] = "7" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stale = await session.SubmitAsync(staleForm, new Dictionary<string, string> { ["Input.MaxNodeCount"] = "9" });

        Assert.Contains("Someone else changed this cluster", (await PortalSession.ParseAsync(stale)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"MaxNodeCount\":7", await SettingsAsync(id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_needs_the_exact_name_then_removes_resources_tickets_and_data_but_keeps_the_activity_log()
    {
        var flow = await FlowAsync();
        var id = await flow.CreateAndInitializeAsync("setup-delete");
        await flow.AssertInitializedAsync(id);
        await factory.WithDatabaseAsync(async db =>
        {
            var cluster = await db.Clusters.SingleAsync(c => c.Id == id);
            db.SupportTickets.Add(new SupportTicket
            {
                OrganisationId = cluster.OrganisationId, ClusterId = id, Subject = "help", Description = "d", CreatedBy = "test",
            });
            return await db.SaveChangesAsync();
        });

        var wrong = await session.SubmitAsync(await flow.FormAsync($"/Clusters/{id}/Delete"), new Dictionary<string, string> { ["Confirmation"] = "setup-delet" });
        Assert.Contains("exactly", (await PortalSession.ParseAsync(wrong)).QuerySelector("[data-valmsg-for='Confirmation']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ClusterStatus.Initialized, await StatusAsync(id));

        var confirmed = await session.SubmitAsync(await flow.FormAsync($"/Clusters/{id}/Delete"), new Dictionary<string, string> { ["Confirmation"] = "setup-delete" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Null(await flow.WaitForRunAsync(id));

        Assert.DoesNotContain(flow.Arm.Resources, r => r.Id.Contains("/resourceGroups/rg-setup-delete", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.SupportTickets.CountAsync(t => t.ClusterId == id)));
        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.Runs.CountAsync(r => r.ClusterId == id)));
        Assert.True(await factory.WithDatabaseAsync(db => db.ActivityEntries.AnyAsync(a => a.ClusterName == "setup-delete" && a.Action == "ClusterDeleted")));
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync(new Uri($"/Clusters/{id}", UriKind.Relative))).StatusCode);
    }

    private PortalSession session = null!;

    private async Task<ClusterFlow> FlowAsync()
    {
        session = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        return new ClusterFlow(factory, session);
    }

    private Task<ClusterStatus> StatusAsync(Guid id) =>
        factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    private Task<string> SettingsAsync(Guid id) =>
        factory.WithDatabaseAsync(db => db.Database.SqlQuery<string>($"SELECT Settings AS Value FROM Clusters WHERE Id = {id}").SingleAsync());
}
