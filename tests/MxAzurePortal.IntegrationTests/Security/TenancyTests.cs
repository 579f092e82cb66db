using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Security;

/// <summary>A member of one organisation can neither see nor reach anything of another's.</summary>
public sealed class TenancyTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (!await factory.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == FabrikamManager)))
        {
            await factory.AddMemberAsync(FabrikamManager, DemoAccounts.Fabrikam, OrganisationRole.ClusterManager);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private const string FabrikamManager = "manager@fabrikam.example";

    /// <summary>
    /// Contexts are pooled: one a staff scope used goes back to the pool without its tenant, and every scope that rents
    /// one sees only its own rows.
    /// </summary>
    [Fact]
    public async Task A_pooled_context_serves_each_scope_with_that_scopes_tenant_and_forgets_the_previous_one()
    {
        var contoso = await DemoClusters.AddContosoAsync(factory, "pooled-" + Guid.NewGuid().ToString("N")[..6]);
        var fabrikamId = await factory.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == DemoAccounts.Fabrikam).Select(o => o.Id).SingleAsync());

        PortalDbContext staffContext;
        await using (var staff = factory.Services.CreateAsyncScope())
        {
            staff.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
            staffContext = staff.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True(await staffContext.Clusters.AnyAsync(c => c.Id == contoso));
        }

        Assert.Null(staffContext.Tenant);

        await using (var customer = factory.Services.CreateAsyncScope())
        {
            var tenant = customer.ServiceProvider.GetRequiredService<TenantScope>();
            tenant.LimitTo(fabrikamId);
            var context = customer.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Same(tenant, context.Tenant);
            Assert.False(await context.Clusters.AnyAsync(c => c.Id == contoso));
        }

        // A scope that never set its tenant sees nothing at all, whoever used the context before.
        await using (var unscoped = factory.Services.CreateAsyncScope())
        {
            var context = unscoped.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(0, await context.Clusters.CountAsync());
            Assert.Equal(0, await context.Organisations.CountAsync());
        }

        // A context resolved as its provider's type, not through the scope's registration, sees nothing either.
        await using var direct = factory.Services.CreateAsyncScope();
        direct.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
        var bare = direct.ServiceProvider.GetRequiredService<SqlitePortalDbContext>();
        Assert.Null(bare.Tenant);
        Assert.Equal(0, await bare.Clusters.CountAsync());
    }

    /// <summary>A Fabrikam Cluster Manager passes every role check, so only tenancy can stop them.</summary>
    [Fact]
    public async Task Fabrikam_manager_gets_404_for_a_Contoso_cluster_on_every_page_that_takes_a_cluster_id()
    {
        var contosoCluster = await DemoClusters.AddAsync(factory, DemoAccounts.Contoso, "contoso-tenancy-" + Guid.NewGuid().ToString("N")[..6], ClusterStatus.ReadyToInitialize);
        var fabrikam = await PortalSession.SignedInAsync(factory, FabrikamManager);
        var token = (await fabrikam.GetDocumentAsync("/Clusters")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var routes = ClusterRoutes().ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var path = route.Replace("{id}", contosoCluster.ToString(), StringComparison.Ordinal);
            var get = await fabrikam.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {route} answered {(int)get.StatusCode}");

            var post = await fabrikam.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
                $"POST {route} answered {(int)post.StatusCode}");
        }
    }

    [Fact]
    public async Task Contoso_manager_reaches_the_same_cluster_pages()
    {
        var contosoCluster = await DemoClusters.AddAsync(factory, DemoAccounts.Contoso, "contoso-own-" + Guid.NewGuid().ToString("N")[..6], ClusterStatus.ReadyToInitialize);
        var contoso = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);

        foreach (var route in ClusterRoutes())
        {
            var path = route.Replace("{id}", contosoCluster.ToString(), StringComparison.Ordinal);
            var get = await contoso.Client.GetAsync(new Uri(path, UriKind.Relative));
            var toOverview = get.StatusCode == HttpStatusCode.Redirect && get.Headers.Location?.OriginalString == $"/Clusters/{contosoCluster}";
            Assert.True(get.StatusCode == HttpStatusCode.OK || toOverview, $"GET {route} answered {(int)get.StatusCode}");
        }
    }

    [Fact]
    public async Task A_run_of_another_organisations_cluster_is_not_found_through_any_cluster()
    {
        var contosoCluster = await DemoClusters.AddContosoAsync(factory, "contoso-run-" + Guid.NewGuid().ToString("N")[..6]);
        var fabrikamCluster = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, "fabrikam-run-" + Guid.NewGuid().ToString("N")[..6]);
        var contosoRun = await DemoClusters.AddRunAsync(factory, contosoCluster);
        var fabrikam = await PortalSession.SignedInAsync(factory, FabrikamManager);
        var contoso = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var direct = await fabrikam.Client.GetAsync(new Uri($"/Clusters/{contosoCluster}/Runs/{contosoRun}", UriKind.Relative));
        var viaOwn = await fabrikam.Client.GetAsync(new Uri($"/Clusters/{fabrikamCluster}/Runs/{contosoRun}", UriKind.Relative));
        var own = await contoso.Client.GetAsync(new Uri($"/Clusters/{contosoCluster}/Runs/{contosoRun}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOwn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Lists_show_only_the_members_own_organisation()
    {
        var contosoName = "contoso-listed-" + Guid.NewGuid().ToString("N")[..6];
        var fabrikamName = "fabrikam-listed-" + Guid.NewGuid().ToString("N")[..6];
        await DemoClusters.AddContosoAsync(factory, contosoName);
        await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, fabrikamName, ClusterStatus.Failed);
        var fabrikam = await PortalSession.SignedInAsync(factory, DemoAccounts.FabrikamMember.Email);

        foreach (var page in new[] { "/Clusters", "/Clusters?status=Initialized", "/Support" })
        {
            var html = (await fabrikam.GetDocumentAsync(page)).Body!.TextContent;
            Assert.DoesNotContain(contosoName, html, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoAccounts.Contoso, html, StringComparison.Ordinal);
        }

        Assert.Contains(fabrikamName, (await fabrikam.GetDocumentAsync("/Clusters")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_filter_narrows_the_list_and_an_unknown_status_shows_all()
    {
        var failed = "contoso-failed-" + Guid.NewGuid().ToString("N")[..6];
        var ready = "contoso-ready-" + Guid.NewGuid().ToString("N")[..6];
        await DemoClusters.AddAsync(factory, DemoAccounts.Contoso, failed, ClusterStatus.Failed);
        await DemoClusters.AddAsync(factory, DemoAccounts.Contoso, ready, ClusterStatus.ReadyToInitialize);
        var contoso = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);

        var filtered = (await contoso.GetDocumentAsync("/Clusters?status=Failed")).Body!.TextContent;
        var unknown = (await contoso.GetDocumentAsync("/Clusters?status=Bogus")).Body!.TextContent;

        Assert.Contains(failed, filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(ready, filtered, StringComparison.Ordinal);
        Assert.Contains(failed, unknown, StringComparison.Ordinal);
        Assert.Contains(ready, unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_of_another_organisation_is_not_found_through_any_cluster()
    {
        var contosoCluster = await DemoClusters.AddContosoAsync(factory, "contoso-ticket-" + Guid.NewGuid().ToString("N")[..6]);
        var fabrikamCluster = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, "fabrikam-ticket-" + Guid.NewGuid().ToString("N")[..6]);
        var ticket = await factory.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Clusters.Where(c => c.Id == contosoCluster).Select(c => c.OrganisationId).SingleAsync();
            var t = new MxAzurePortal.Application.Support.SupportTicket
            {
                OrganisationId = organisation, ClusterId = contosoCluster, Subject = "Contoso secret", Description = "d", CreatedBy = "c",
            };
            db.SupportTickets.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        var fabrikam = await PortalSession.SignedInAsync(factory, FabrikamManager);

        var direct = await fabrikam.Client.GetAsync(new Uri($"/Clusters/{contosoCluster}/Support/{ticket}", UriKind.Relative));
        var viaOwn = await fabrikam.Client.GetAsync(new Uri($"/Clusters/{fabrikamCluster}/Support/{ticket}", UriKind.Relative));
        var list = await fabrikam.GetDocumentAsync($"/Clusters/{fabrikamCluster}/Support");

        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOwn.StatusCode);
        Assert.DoesNotContain("Contoso secret", list.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every customer page route that takes a cluster id, found from the running portal so new pages are covered too.
    /// Staff pages are covered by the access matrix.
    /// </summary>
    private IEnumerable<string> ClusterRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 1 && e.RoutePattern.Parameters[0].Name == "id")
            .Select(e => "/" + string.Join("/", e.RoutePattern.PathSegments.Select(s =>
                s.IsSimple && s.Parts[0] is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal
                    ? literal.Content
                    : "{id}")))
            .Where(route => route.StartsWith("/Clusters/", StringComparison.Ordinal))
            .Distinct();
}
