using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Admin;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Admin;

/// <summary>The staff's view across customers: metadata, searched, filtered and paged; the queue; every ticket.</summary>
public sealed class AdminViewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_cluster_list_searches_filters_by_status_and_pages_across_organisations()
    {
        var fleet = "fleet" + Guid.NewGuid().ToString("N")[..5];
        for (var i = 0; i < 60; i++)
        {
            await DemoClusters.AddAsync(factory, i % 2 == 0 ? DemoAccounts.Contoso : DemoAccounts.Fabrikam, $"{fleet}-{i:D2}",
                i % 10 == 0 ? ClusterStatus.Failed : ClusterStatus.Initialized);
        }

        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var first = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}");
        var second = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}&p=2");
        var failed = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}&status=Failed");
        var literal = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}%25");

        Assert.Equal($"60 clusters · page 1 of 2", first.QuerySelector("[data-testid=cluster-count]")!.TextContent);
        Assert.Equal(50, first.QuerySelectorAll("tr[data-cluster]").Length);
        Assert.Equal($"{fleet}-00", first.QuerySelector("tr[data-cluster] th")!.TextContent.Trim());
        Assert.Equal(10, second.QuerySelectorAll("tr[data-cluster]").Length);
        Assert.Equal($"{fleet}-59", second.QuerySelectorAll("tr[data-cluster] th").Last().TextContent.Trim());
        Assert.Equal(6, failed.QuerySelectorAll("tr[data-cluster]").Length);
        Assert.All(failed.QuerySelectorAll("tr[data-cluster]"), row => Assert.Contains("Failed", row.TextContent, StringComparison.Ordinal));
        Assert.Contains(DemoAccounts.Fabrikam, first.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Contoso, first.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(literal.QuerySelectorAll("tr[data-cluster]"));
    }

    [Fact]
    public async Task A_search_matching_more_than_the_count_limit_says_more_than_and_still_pages_to_the_end()
    {
        var fleet = "wide" + Guid.NewGuid().ToString("N")[..5];
        var matches = AdminClusterQuery.CountLimit + 2 * AdminClusterQuery.PageSize + 10;
        await DemoClusters.AddManyAsync(factory, DemoAccounts.Contoso, fleet, matches);
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);
        var lastPage = (matches + AdminClusterQuery.PageSize - 1) / AdminClusterQuery.PageSize;
        var limitPage = AdminClusterQuery.CountLimit / AdminClusterQuery.PageSize;

        var first = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}");
        var atLimit = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}&p={limitPage}");
        var pastLimit = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}&p={limitPage + 1}");
        var last = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}&p={lastPage}");
        var beyond = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}&p={lastPage + 5}");

        Assert.Equal($"More than {AdminClusterQuery.CountLimit:N0} clusters · page 1", first.QuerySelector("[data-testid=cluster-count]")!.TextContent);
        Assert.Equal($"{fleet}-0000", first.QuerySelector("tr[data-cluster] th")!.TextContent.Trim());
        Assert.Contains(first.QuerySelectorAll("nav a"), a => a.TextContent == "Next");
        Assert.Equal($"More than {AdminClusterQuery.CountLimit:N0} clusters · page {limitPage}", atLimit.QuerySelector("[data-testid=cluster-count]")!.TextContent);
        Assert.Equal($"More than {(limitPage + 1) * AdminClusterQuery.PageSize:N0} clusters · page {limitPage + 1}",
            pastLimit.QuerySelector("[data-testid=cluster-count]")!.TextContent);
        Assert.Equal($"{fleet}-{limitPage * AdminClusterQuery.PageSize:D4}", pastLimit.QuerySelector("tr[data-cluster] th")!.TextContent.Trim());
        Assert.Equal(AdminClusterQuery.PageSize, pastLimit.QuerySelectorAll("tr[data-cluster]").Length);

        // The last page knows the exact total, and a page past it shows the last one.
        Assert.Equal($"{matches:N0} clusters · page {lastPage} of {lastPage}", last.QuerySelector("[data-testid=cluster-count]")!.TextContent);
        Assert.Equal(10, last.QuerySelectorAll("tr[data-cluster]").Length);
        Assert.Equal($"{fleet}-{matches - 1:D4}", last.QuerySelectorAll("tr[data-cluster] th").Last().TextContent.Trim());
        Assert.DoesNotContain(last.QuerySelectorAll("nav a"), a => a.TextContent == "Next");
        Assert.Equal($"{matches:N0} clusters · page {lastPage} of {lastPage}", beyond.QuerySelector("[data-testid=cluster-count]")!.TextContent);
    }

    [Fact]
    public async Task The_search_matches_the_organisation_and_the_region_and_only_a_scope_over_every_organisation_reads_the_list()
    {
        var name = "orgsearch" + Guid.NewGuid().ToString("N")[..5];
        var id = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, name);
        var region = "region" + Guid.NewGuid().ToString("N")[..6];
        await factory.WithDatabaseAsync(db => db.Clusters.IgnoreQueryFilters().Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Region, region)));
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var byOrganisation = await staff.GetDocumentAsync("/Admin/Clusters?q=abrika");
        var byRegion = await staff.GetDocumentAsync($"/Admin/Clusters?q={region[2..]}");

        var organisations = byOrganisation.QuerySelectorAll("tr[data-cluster]").Select(r => r.TextContent).ToList();
        Assert.Contains(organisations, row => row.Contains(name, StringComparison.Ordinal));
        Assert.All(organisations, row => Assert.Contains(DemoAccounts.Fabrikam, row, StringComparison.Ordinal));
        Assert.Equal([name], byRegion.QuerySelectorAll("tr[data-cluster] th").Select(th => th.TextContent.Trim()));

        await using var scope = factory.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantScope>();
        var admin = scope.ServiceProvider.GetRequiredService<AdminService>();
        var query = new AdminClusterQuery(name, null, 1);
        Assert.Empty((await admin.ListClustersAsync(query, CancellationToken.None)).Rows);
        tenant.LimitTo(await factory.WithDatabaseAsync(db => db.Organisations.IgnoreQueryFilters().Where(o => o.Name == DemoAccounts.Fabrikam).Select(o => o.Id).SingleAsync()));
        Assert.Empty((await admin.ListClustersAsync(query, CancellationToken.None)).Rows);
        tenant.OpenToAllOrganisations();
        Assert.Single((await admin.ListClustersAsync(query, CancellationToken.None)).Rows);
    }

    [Fact]
    public async Task The_organisation_list_searches_pages_and_links_to_each_organisations_clusters()
    {
        var prefix = "orglist" + Guid.NewGuid().ToString("N")[..5];
        await factory.WithDatabaseAsync(db =>
        {
            db.Organisations.AddRange(Enumerable.Range(0, 55).Select(i => new Organisation { Name = $"{prefix}-{i:D2}" }));
            return db.SaveChangesAsync();
        });
        var third = $"{prefix}-03";
        await DemoClusters.AddAsync(factory, third, $"{prefix}-alpha");
        await DemoClusters.AddAsync(factory, third, $"{prefix}-beta", ClusterStatus.Failed);
        await DemoClusters.AddAsync(factory, $"{prefix}-04", $"{prefix}-gamma");
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var first = await staff.GetDocumentAsync($"/Admin?q={prefix}");
        var second = await staff.GetDocumentAsync($"/Admin?q={prefix}&p=2");
        var pastTheEnd = await staff.GetDocumentAsync($"/Admin?q={prefix}&p=9");
        var none = await staff.GetDocumentAsync($"/Admin?q={prefix}x");

        Assert.Equal("55 organisations · page 1 of 2", first.QuerySelector("[data-testid=organisation-count]")!.TextContent);
        var firstRows = first.QuerySelectorAll("tr[data-organisation]");
        Assert.Equal(50, firstRows.Length);
        Assert.Equal($"{prefix}-00", firstRows[0].QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(["0", "2", "1"], firstRows[3].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal(5, second.QuerySelectorAll("tr[data-organisation]").Length);
        Assert.Equal($"{prefix}-54", second.QuerySelectorAll("tr[data-organisation] th").Last().TextContent.Trim());
        Assert.Equal("55 organisations · page 2 of 2", pastTheEnd.QuerySelector("[data-testid=organisation-count]")!.TextContent);
        Assert.Contains("No organisation matches.", none.Body!.TextContent, StringComparison.Ordinal);

        var link = firstRows[3].QuerySelector("th a")!.GetAttribute("href")!;
        var clusters = await staff.GetDocumentAsync(link);
        Assert.Equal($"Clusters of {third}", clusters.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal([$"{prefix}-alpha", $"{prefix}-beta"], clusters.QuerySelectorAll("tr[data-cluster] th").Select(th => th.TextContent.Trim()));
        var searchedWithin = await staff.GetDocumentAsync($"{link}&q={prefix}-b");
        Assert.Equal([$"{prefix}-beta"], searchedWithin.QuerySelectorAll("tr[data-cluster] th").Select(th => th.TextContent.Trim()));
        var organisationId = await factory.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == third).Select(o => o.Id).SingleAsync());
        Assert.EndsWith($"org={organisationId}", link, StringComparison.Ordinal);
        Assert.Equal(organisationId.ToString(), clusters.QuerySelector("form[role=search] input[name=org]")!.GetAttribute("value"));
        var everyOrganisation = await staff.GetDocumentAsync($"/Admin/Clusters?q={prefix}");
        Assert.Equal(3, everyOrganisation.QuerySelectorAll("tr[data-cluster]").Length);

        var hostile = await staff.Client.GetStringAsync(new Uri("/Admin?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", UriKind.Relative));
        Assert.DoesNotContain("<script>alert(1)", hostile, StringComparison.Ordinal);
        Assert.Contains("No organisation matches.", hostile, StringComparison.Ordinal);

        var longSearch = await staff.GetDocumentAsync("/Admin?q=" + new string('x', 150));
        Assert.Equal(new string('x', 100), longSearch.QuerySelector("input[name=q]")!.GetAttribute("value"));

        foreach (var organisation in new[] { Guid.NewGuid().ToString(), "not-an-id" })
        {
            var unknown = await staff.Client.GetAsync(new Uri($"/Admin/Clusters?org={organisation}", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }

    [Fact]
    public async Task A_clusters_metadata_page_shows_no_settings_without_a_grant()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "meta-" + Guid.NewGuid().ToString("N")[..6]);
        var settings = await factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == cluster).Select(c => c.Settings).SingleAsync());
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var page = (await staff.GetDocumentAsync($"/Admin/Clusters/{cluster}")).Body!.TextContent;

        Assert.Contains(DemoAccounts.Contoso, page, StringComparison.Ordinal);
        Assert.DoesNotContain(settings.SubscriptionId, page, StringComparison.Ordinal);
        Assert.DoesNotContain(settings.ResourceGroup, page, StringComparison.Ordinal);
        Assert.Contains("No active access grant", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_shows_failed_clusters_and_open_automatic_tickets_and_every_ticket_links_to_Zendesk()
    {
        var failed = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, "queue-" + Guid.NewGuid().ToString("N")[..6], ClusterStatus.Failed);
        var subject = "Initialization failed twice " + Guid.NewGuid().ToString("N")[..6];
        var ticket = await DemoClusters.AddTicketAsync(factory, failed, subject, automatic: true);
        var zendeskId = await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.Id == ticket).Select(t => t.ZendeskTicketId).SingleAsync());
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var admin = await staff.GetDocumentAsync("/Admin");
        var tickets = await staff.GetDocumentAsync($"/Admin/Tickets?q={Uri.EscapeDataString(subject)}");

        Assert.NotNull(admin.QuerySelector($"[data-testid=failed-queue] a[href='/Admin/Clusters/{failed}']"));
        Assert.Contains(subject, admin.Body!.TextContent, StringComparison.Ordinal);
        var row = tickets.QuerySelector($"tr[data-ticket='{ticket}']")!;
        Assert.EndsWith($"/agent/tickets/{zendeskId}", row.QuerySelector("a[target=_blank]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Fabrikam, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_pages_give_statuses_and_the_role_in_words_and_a_clusters_tickets_leave_out_the_cluster()
    {
        var name = "words-" + Guid.NewGuid().ToString("N")[..6];
        var cluster = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, name, ClusterStatus.ReadyToInitialize);
        var ticket = await DemoClusters.AddTicketAsync(factory, cluster, "Status in words " + name);
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var clusters = await staff.GetDocumentAsync($"/Admin/Clusters?q={name}");
        var details = await staff.GetDocumentAsync($"/Admin/Clusters/{cluster}");
        var tickets = await staff.GetDocumentAsync($"/Admin/Tickets?q={name}");
        var ticketPage = await staff.GetDocumentAsync($"/Admin/Tickets/{ticket}");

        Assert.EndsWith("· Mendix · Support Engineer", Collapse(clusters.QuerySelector("[data-testid=signed-in-user]")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Ready to initialize", clusters.QuerySelector($"tr[data-cluster='{cluster}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ready to initialize", clusters.QuerySelector("#status option[value=ReadyToInitialize]")!.TextContent);
        Assert.Equal("Ready to initialize", details.QuerySelector("h1 .status-badge")!.TextContent);
        var clusterTickets = details.QuerySelector("[aria-labelledby=tickets-heading] table")!;
        Assert.Equal(["Ticket", "Severity", "Status", "Created (UTC)", "Zendesk"], clusterTickets.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(5, clusterTickets.QuerySelector($"tr[data-ticket='{ticket}']")!.Children.Length);
        Assert.Contains("On Hold", clusterTickets.TextContent, StringComparison.Ordinal);
        Assert.Contains("On Hold", tickets.QuerySelector($"tr[data-ticket='{ticket}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("On Hold", tickets.QuerySelector("#status option[value=OnHold]")!.TextContent);
        Assert.Contains(" · On Hold", ticketPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("OnHold", clusterTickets.TextContent + tickets.Body!.TextContent + ticketPage.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
