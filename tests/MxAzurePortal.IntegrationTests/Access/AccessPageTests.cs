using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Access;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Access;

public sealed class AccessPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_grant_given_with_a_ticket_is_listed_and_a_cluster_manager_can_revoke_it_once()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "access-" + Guid.NewGuid().ToString("N")[..6]);
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var form = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Support/New")).QuerySelector<IHtmlFormElement>("main form")!;
        var opened = await manager.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Subject"] = "Need a hand with ingress", ["Input.Description"] = "Ingress answers 404 for every app.",
            ["Input.ShareLogs"] = "true", ["Input.GrantAccess"] = "true", ["Input.AccessHours"] = "3",
        });
        var ticketPage = opened.Headers.Location!.OriginalString;
        Assert.StartsWith("Consent given for up to 3 hours: Mendix staff can start it until",
            (await manager.GetDocumentAsync(ticketPage)).QuerySelector("[data-testid=ticket-access]")!.TextContent, StringComparison.Ordinal);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var memberView = await member.GetDocumentAsync($"/Clusters/{cluster}/Access");
        Assert.Null(memberView.QuerySelector("tr[data-grant] form"));

        var page = await manager.GetDocumentAsync($"/Clusters/{cluster}/Access");
        var row = page.QuerySelector("tr[data-grant]")!;
        Assert.Equal("Approved", row.QuerySelector("[data-grant-status]")!.TextContent);
        Assert.Contains("Casey Manager", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 h", row.TextContent, StringComparison.Ordinal);

        var revoke = new Dictionary<string, string> { ["decision"] = "Revoke" };
        var revoked = await manager.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!, revoke);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var again = await manager.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!, revoke);

        Assert.Contains("nothing to revoke", (await PortalSession.ParseAsync(again)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AccessGrantStatus.Revoked, await factory.WithDatabaseAsync(db => db.AccessGrants.Where(g => g.ClusterId == cluster).Select(g => g.Status).SingleAsync()));
        Assert.True(await factory.WithDatabaseAsync(db => db.ActivityEntries.AnyAsync(a => a.ClusterId == cluster && a.Action == "AccessRevoked")));
        // The ticket says so too, rather than what was consented to.
        Assert.StartsWith("Revoked", (await member.GetDocumentAsync(ticketPage)).QuerySelector("[data-testid=ticket-access]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisation_cannot_see_or_revoke_a_grant()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "access-foreign-" + Guid.NewGuid().ToString("N")[..6]);
        var grant = await factory.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Clusters.Where(c => c.Id == cluster).Select(c => c.OrganisationId).SingleAsync();
            var g = new AccessGrant { OrganisationId = organisation, ClusterId = cluster, DurationHours = 2, Status = AccessGrantStatus.Approved, RequestedBy = "c", Reason = "r", RequestedAt = factory.Clock.GetUtcNow() };
            db.AccessGrants.Add(g);
            await db.SaveChangesAsync();
            return g.Id;
        });
        var fabrikam = await PortalSession.SignedInAsync(factory, DemoAccounts.FabrikamMember.Email);
        var token = (await fabrikam.GetDocumentAsync("/Clusters")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var get = await fabrikam.Client.GetAsync(new Uri($"/Clusters/{cluster}/Access", UriKind.Relative));
        var revoke = await fabrikam.Client.PostAsync(new Uri($"/Clusters/{cluster}/Access?handler=Decide&grantId={grant}&decision=Revoke", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(AccessGrantStatus.Approved, await factory.WithDatabaseAsync(db => db.AccessGrants.Where(g => g.Id == grant).Select(g => g.Status).SingleAsync()));
    }
}
