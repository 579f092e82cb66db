using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Activity;

public sealed class ActivityViewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_activity_of_a_new_cluster_shows_who_did_what_and_filters_by_keyword_and_date()
    {
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var flow = new ClusterFlow(factory, manager);
        var id = await flow.CreateAndInitializeAsync("activity-view");
        await flow.AssertInitializedAsync(id);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var all = await member.GetDocumentAsync($"/Clusters/{id}/Activity");
        var filtered = await member.GetDocumentAsync($"/Clusters/{id}/Activity?keyword=initialization%20started");
        var byWords = await member.GetDocumentAsync($"/Clusters/{id}/Activity?keyword=Initialize%20succeeded");
        var later = await member.GetDocumentAsync($"/Clusters/{id}/Activity?from=2030-01-01");
        var reversed = await member.GetDocumentAsync($"/Clusters/{id}/Activity?from=2026-03-02&to=2026-03-01");

        var actions = all.QuerySelectorAll("tr[data-activity]").Select(r => r.GetAttribute("data-activity")).ToList();
        Assert.Contains("ClusterCreated", actions);
        Assert.Contains("InitializationStarted", actions);
        Assert.Contains("InitializeSucceeded", actions);
        Assert.Contains("Casey Manager", all.QuerySelector("tr[data-activity=ClusterCreated]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Cluster created", all.QuerySelector("tr[data-activity=ClusterCreated] .fw-semibold")!.TextContent);
        Assert.Equal(["InitializeSucceeded"], byWords.QuerySelectorAll("tr[data-activity]").Select(r => r.GetAttribute("data-activity")));
        Assert.Equal(["InitializationStarted"], filtered.QuerySelectorAll("tr[data-activity]").Select(r => r.GetAttribute("data-activity")));
        Assert.Empty(later.QuerySelectorAll("tr[data-activity]"));
        Assert.Contains("after the To date", reversed.QuerySelector("[data-valmsg-for=From]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(reversed.QuerySelectorAll("tr[data-activity]"));
    }

    [Fact]
    public async Task Activity_is_paged_newest_first()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "activity-pages");
        await factory.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Clusters.Where(c => c.Id == id).Select(c => c.OrganisationId).SingleAsync();
            for (var i = 0; i < 60; i++)
            {
                db.ActivityEntries.Add(new ActivityEntry
                {
                    OrganisationId = organisation, ClusterId = id, ClusterName = "activity-pages", At = factory.Clock.GetUtcNow().AddMinutes(i),
                    Actor = "test", Action = $"Step{i:00}", Summary = "paged entry",
                });
            }

            return await db.SaveChangesAsync();
        });
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var first = await member.GetDocumentAsync($"/Clusters/{id}/Activity?keyword=paged");
        var second = await member.GetDocumentAsync($"/Clusters/{id}/Activity?keyword=paged&p=2");

        Assert.Equal(ActivityQuery.PageSize, first.QuerySelectorAll("tr[data-activity]").Length);
        Assert.Equal("Step59", first.QuerySelector("tr[data-activity]")!.GetAttribute("data-activity"));
        Assert.NotNull(first.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "Older"));
        Assert.Equal(10, second.QuerySelectorAll("tr[data-activity]").Length);
        Assert.Equal("Step09", second.QuerySelector("tr[data-activity]")!.GetAttribute("data-activity"));
    }
}
