using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Support;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Clusters;

/// <summary>A cluster's life through the real forms, the run worker and the ARM simulator over loopback.</summary>
public sealed class ClusterLifecycleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Postgres = "Microsoft.DBforPostgreSQL/flexibleServers";

    [Fact]
    public async Task A_Cluster_Manager_creates_and_initializes_a_cluster_with_every_component_once()
    {
        var flow = await SignedInFlowAsync(DemoAccounts.ContosoManager.Email);

        var id = await flow.CreateAndInitializeAsync("lifecycle-ok", new Dictionary<string, string>
        {
            ["Input.AksTier"] = "Standard",
            ["Input.Tags[0].Name"] = "cost-center",
            ["Input.Tags[0].Value"] = "1234",
        });

        Assert.Equal(ClusterStatus.Initialized, await flow.WaitForRunAsync(id));
        var aks = Assert.Single(flow.Arm.Resources, r => r.Id.EndsWith("/managedClusters/lifecycle-ok-aks", StringComparison.Ordinal));
        Assert.Equal("Standard", aks.Body["sku"]!["tier"]!.GetValue<string>());
        Assert.Equal("1234", aks.Body["tags"]!["cost-center"]!.GetValue<string>());
        Assert.Equal(1, flow.PutsTo("/managedClusters/lifecycle-ok-aks"));
        foreach (var type in new[] { Postgres, "Microsoft.Storage/storageAccounts", "Microsoft.ContainerRegistry/registries", "Microsoft.Dashboard/grafana" })
        {
            Assert.Single(flow.Arm.Resources, r => r.Type == type && r.Id.Contains("/rg-lifecycle-ok/", StringComparison.Ordinal));
        }

        var overview = await Session.GetDocumentAsync($"/Clusters/{id}");
        Assert.Equal("Initialized", overview.QuerySelector(".status-badge")!.TextContent);
        var finished = overview.QuerySelector("#run-progress details[data-testid=finished-steps]")!;
        Assert.False(finished.HasAttribute("open"));
        Assert.Equal(14, finished.QuerySelectorAll("tr[data-step]").Length);
        Assert.Contains("/managedClusters/lifecycle-ok-aks", overview.QuerySelector("[aria-labelledby=components-heading]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_step_shows_ARMs_error_and_Rerun_resumes_only_what_failed()
    {
        var flow = await SignedInFlowAsync(DemoAccounts.ContosoManager.Email);
        flow.Arm.Options.FailPuts[Postgres] = 1;

        var id = await flow.CreateAndInitializeAsync("lifecycle-rerun");
        Assert.Equal(ClusterStatus.Failed, await flow.WaitForRunAsync(id));
        var page = await Session.GetDocumentAsync($"/Clusters/{id}");
        Assert.Contains("InternalServerError", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("lifecycle-rerun-pg-", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var rerun = await flow.RerunAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, rerun.StatusCode);
        Assert.Equal(ClusterStatus.Initialized, await flow.WaitForRunAsync(id));

        Assert.Equal(1, flow.PutsTo("/managedClusters/lifecycle-rerun-aks"));
        Assert.Equal(2, flow.Arm.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/flexibleServers/lifecycle-rerun-pg-", StringComparison.Ordinal)));
        var steps = await factory.WithDatabaseAsync(db => db.Runs.Where(r => r.ClusterId == id && r.Kind == RunKind.Rerun)
            .SelectMany(r => r.Steps).Select(s => new { s.Key, s.Status }).ToListAsync());
        Assert.Equal(StepStatus.Reused, steps.Single(s => s.Key == "aks").Status);
        Assert.Equal(StepStatus.Succeeded, steps.Single(s => s.Key == "postgresql").Status);
        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.SupportTickets.CountAsync(t => t.ClusterId == id)));
    }

    [Fact]
    public async Task A_manual_rerun_that_fails_too_opens_exactly_one_automatic_ticket()
    {
        var flow = await SignedInFlowAsync(DemoAccounts.ContosoManager.Email);
        flow.Arm.Options.FailPuts[Postgres] = 3;

        var id = await flow.CreateAndInitializeAsync("lifecycle-ticket");
        Assert.Equal(ClusterStatus.Failed, await flow.WaitForRunAsync(id));
        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.SupportTickets.CountAsync(t => t.ClusterId == id)));
        await flow.RerunAsync(id);
        Assert.Equal(ClusterStatus.Failed, await flow.WaitForRunAsync(id));

        var ticket = Assert.Single(await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.ClusterId == id).ToListAsync()));
        Assert.Equal(TicketSource.Automatic, ticket.Source);
        Assert.Equal(TicketSeverity.High, ticket.Severity);
        Assert.Contains("PostgreSQL Flexible Server", ticket.Description, StringComparison.Ordinal);
        Assert.Contains("InternalServerError", ticket.Description, StringComparison.Ordinal);
        var overview = await Session.GetDocumentAsync($"/Clusters/{id}");
        Assert.Contains("Automatic", overview.QuerySelector("#support-center")!.TextContent, StringComparison.Ordinal);
        Assert.Null(overview.QuerySelector("#run-progress details"));
        Assert.Contains(overview.QuerySelectorAll("#run-progress tr[data-step] .badge"), badge => badge.TextContent == "Failed");

        // Delivered to Zendesk like any ticket, tagged automatic.
        var zendesk = factory.Services.GetRequiredService<MxAzurePortal.Sandbox.Zendesk.ZendeskSimulator>();
        for (var i = 0; i < 100 && !zendesk.Tickets.Any(t => t["external_id"]?.GetValue<string>() == ticket.Id.ToString()); i++)
        {
            await Task.Delay(100);
        }

        var delivered = Assert.Single(zendesk.Tickets, t => t["external_id"]?.GetValue<string>() == ticket.Id.ToString());
        Assert.Contains("automatic", delivered["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("high", delivered["priority"]!.GetValue<string>());

        // Raised on behalf of whoever reran: they are its requester in Zendesk and can follow it there to reply.
        Assert.Equal(DemoAccounts.ContosoManager.Email, delivered["requester"]?["email"]?.GetValue<string>());
        var details = await Session.GetDocumentAsync($"/Clusters/{id}/Support/{ticket.Id}");
        Assert.Contains(details.QuerySelectorAll("a"), a => a.TextContent == "Go to ticket");

        // Another rerun fails while Mendix Support works on that ticket: it opens no second one, and says so.
        await flow.RerunAsync(id);
        Assert.Equal(ClusterStatus.Failed, await flow.WaitForRunAsync(id));
        Assert.Equal([ticket.Id], await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.ClusterId == id).Select(t => t.Id).ToListAsync()));
        Assert.Contains("already has the automatic ticket", await factory.WithDatabaseAsync(db => db.ActivityEntries
            .Where(e => e.ClusterId == id && e.Action == "AutomaticTicketOpen").Select(e => e.Summary).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_is_refused_while_a_customization_or_a_service_update_drives_the_cluster()
    {
        var flow = await SignedInFlowAsync(DemoAccounts.ContosoManager.Email);
        var id = await DemoClusters.AddContosoAsync(factory, "delete-busy");
        var run = await factory.WithDatabaseAsync(async db =>
        {
            var cluster = await db.Clusters.SingleAsync(c => c.Id == id);
            // A change another instance drives, under a lease that outlasts the test; the cluster stays Initialized.
            var change = new ClusterRun
            {
                OrganisationId = cluster.OrganisationId, ClusterId = id, Kind = RunKind.Change, Status = RunStatus.Running, RequestedBy = "test",
                LeaseOwner = "another-instance", LeaseExpiresAt = PortalFactory.Start.AddDays(60),
            };
            db.Runs.Add(change);
            await db.SaveChangesAsync();
            return change;
        });

        var refused = await Session.SubmitAsync(await flow.FormAsync($"/Clusters/{id}/Delete"), new Dictionary<string, string> { ["Confirmation"] = "delete-busy" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("run in progress", (await PortalSession.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ClusterStatus.Initialized, await factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Equal([run.Id], await factory.WithDatabaseAsync(db => db.Runs.Where(r => r.ClusterId == id).Select(r => r.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_failed_deletion_is_retried_by_deleting_again_not_by_a_Rerun_the_page_does_not_offer()
    {
        var flow = await SignedInFlowAsync(DemoAccounts.ContosoManager.Email);
        var id = await flow.CreateAndInitializeAsync("delete-fails");
        Assert.Equal(ClusterStatus.Initialized, await flow.WaitForRunAsync(id));
        flow.Arm.Options.FailDeletes["Microsoft.Resources/resourceGroups"] = 1;

        await Session.SubmitAsync(await flow.FormAsync($"/Clusters/{id}/Delete"), new Dictionary<string, string> { ["Confirmation"] = "delete-fails" });
        Assert.Equal(ClusterStatus.Failed, await flow.WaitForRunAsync(id));

        var overview = await Session.GetDocumentAsync($"/Clusters/{id}");
        var alert = overview.QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains("Delete failed.", alert, StringComparison.Ordinal);
        Assert.Contains("Delete the cluster again to retry", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("Rerun", alert, StringComparison.Ordinal);
        Assert.Null(overview.QuerySelector("form[action$='/Rerun']"));

        await Session.SubmitAsync(await flow.FormAsync($"/Clusters/{id}/Delete"), new Dictionary<string, string> { ["Confirmation"] = "delete-fails" });
        Assert.Null(await flow.WaitForRunAsync(id));
    }

    [Fact]
    public async Task Rerun_pressed_several_times_at_once_starts_one_run_and_no_request_fails()
    {
        var flow = await SignedInFlowAsync(DemoAccounts.ContosoManager.Email);
        flow.Arm.Options.FailPuts[Postgres] = 1;
        var id = await flow.CreateAndInitializeAsync("rerun-twice");
        Assert.Equal(ClusterStatus.Failed, await flow.WaitForRunAsync(id));
        var form = await flow.FormAsync($"/Clusters/{id}", "form[action$='/Rerun']");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Session.SubmitAsync(form, new Dictionary<string, string>())));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Equal(1, await factory.WithDatabaseAsync(db => db.Runs.CountAsync(r => r.ClusterId == id && r.Kind == RunKind.Rerun)));
        Assert.Equal(ClusterStatus.Initialized, await flow.WaitForRunAsync(id));
    }

    [Fact]
    public async Task The_Overview_shows_a_latest_run_without_steps_next_to_the_initialization_with_its_components()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "stepless-run");
        await DemoClusters.AddRunAsync(factory, id);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Clusters.Where(c => c.Id == id).Select(c => c.OrganisationId).SingleAsync();
            db.Runs.Add(new ClusterRun
            {
                OrganisationId = organisation, ClusterId = id, Kind = RunKind.Change, Status = RunStatus.Succeeded, RequestedBy = "Casey Manager",
            });
            return await db.SaveChangesAsync();
        });

        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var overview = await member.GetDocumentAsync($"/Clusters/{id}");

        Assert.Equal("Change run: Succeeded", overview.QuerySelector("#run-heading")!.TextContent.Trim());
        Assert.Equal("0", overview.QuerySelector("#run-progress-bar")!.GetAttribute("value"));
        Assert.NotEmpty(overview.QuerySelectorAll("#components-heading + ul > li"));
    }

    [Fact]
    public async Task A_Member_sees_the_cluster_but_cannot_create_rerun_or_delete()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "lifecycle-member");
        await factory.WithDatabaseAsync(async db =>
        {
            (await db.Clusters.SingleAsync(c => c.Id == id)).Status = ClusterStatus.Failed;
            return await db.SaveChangesAsync();
        });
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var token = (await member.GetDocumentAsync($"/Clusters/{id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var overview = await member.GetDocumentAsync($"/Clusters/{id}");
        Assert.Null(overview.QuerySelector("form[action$='/Rerun']"));
        Assert.Null(overview.QuerySelector("a[href$='/Delete']"));
        foreach (var path in new[] { "/Clusters/New", $"/Clusters/{id}/Delete", $"/Clusters/{id}/Provision" })
        {
            var get = await member.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.StartsWith("/Identity/Account/AccessDenied", get.Headers.Location?.PathAndQuery ?? "", StringComparison.Ordinal);
        }

        foreach (var path in new[] { $"/Clusters/{id}/Rerun", $"/Clusters/{id}/Delete" })
        {
            var post = await member.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Confirmation"] = "lifecycle-member" }));
            Assert.StartsWith("/Identity/Account/AccessDenied", post.Headers.Location?.PathAndQuery ?? "", StringComparison.Ordinal);
        }

        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.Runs.CountAsync(r => r.ClusterId == id)));
    }

    private PortalSession Session { get; set; } = null!;

    private async Task<ClusterFlow> SignedInFlowAsync(string email)
    {
        Session = await PortalSession.SignedInAsync(factory, email);
        return new ClusterFlow(factory, Session);
    }
}
