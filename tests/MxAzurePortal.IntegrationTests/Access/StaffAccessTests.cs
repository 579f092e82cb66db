using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Access;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Access;

/// <summary>Just-in-time access from the staff's request to the customer's answer, the active window, and its end.</summary>
public sealed class StaffAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Name(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private Task<AccessGrant> GrantAsync(Guid cluster) =>
        factory.WithDatabaseAsync(db => db.AccessGrants.AsNoTracking().SingleAsync(g => g.ClusterId == cluster));

    private Task<int> EntriesAsync(Guid cluster, string action) =>
        factory.WithDatabaseAsync(db => db.ActivityEntries.CountAsync(a => a.ClusterId == cluster && a.Action == action));

    [Fact]
    public async Task Staff_request_access_on_a_ticket_the_manager_approves_and_each_view_leaves_one_entry_for_the_customer()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, Name("jit"));
        var ticket = await DemoClusters.AddTicketAsync(factory, cluster);
        var support = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);

        var request = (await support.GetDocumentAsync($"/Admin/Tickets/{ticket}")).QuerySelector<IHtmlFormElement>("form[action*=Request]")!;
        var requested = await support.SubmitAsync(request, new Dictionary<string, string> { ["Input.Reason"] = "Ingress answers 503 for every app", ["Input.DurationHours"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal(AccessGrantStatus.Pending, (await GrantAsync(cluster)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await support.Client.GetAsync(new Uri($"/Admin/Clusters/{cluster}/Logs", UriKind.Relative))).StatusCode);

        Assert.NotNull((await manager.GetDocumentAsync($"/Clusters/{cluster}")).QuerySelector("[data-testid=access-pending]"));
        var row = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Access")).QuerySelector("tr[data-grant]")!;
        Assert.Equal("Pending", row.QuerySelector("[data-grant-status]")!.TextContent);
        Assert.Contains("Ingress answers 503 for every app", row.TextContent, StringComparison.Ordinal);
        await manager.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!, new Dictionary<string, string> { ["decision"] = "Approve" });
        Assert.Equal(AccessGrantStatus.Approved, (await GrantAsync(cluster)).Status);
        var notStarted = await support.Client.GetAsync(new Uri($"/Admin/Clusters/{cluster}/Logs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, notStarted.StatusCode);
        Assert.Contains("has not been started", (await PortalSession.ParseAsync(notStarted)).QuerySelector("[data-testid=access-refused]")!.TextContent, StringComparison.Ordinal);

        var start = (await support.GetDocumentAsync($"/Admin/Clusters/{cluster}")).QuerySelector<IHtmlFormElement>("form[action*=Start]")!;
        await support.SubmitAsync(start, new Dictionary<string, string>());
        var active = await GrantAsync(cluster);
        Assert.Equal(AccessGrantStatus.Active, active.Status);
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(3), active.ActiveUntil);

        var overview = await manager.GetDocumentAsync($"/Clusters/{cluster}");
        Assert.Null(overview.QuerySelector("[data-testid=access-pending]"));
        Assert.Contains(active.ActiveUntil!.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            overview.QuerySelector("[data-testid=access-active]")!.TextContent, StringComparison.Ordinal);

        var logs = await support.GetDocumentAsync($"/Admin/Clusters/{cluster}/Logs");
        await support.GetDocumentAsync($"/Admin/Clusters/{cluster}/Logs");
        await support.GetDocumentAsync($"/Admin/Clusters/{cluster}/Resources");

        Assert.NotNull(logs.QuerySelector("[data-testid=grant-notice]"));
        Assert.Equal(3, await EntriesAsync(cluster, StaffAccessService.AccessAction));
        Assert.Equal(3, (await GrantAsync(cluster)).AccessCount);
        Assert.Equal(3, await factory.WithDatabaseAsync(db => db.ActivityEntries.CountAsync(a => a.AccessGrantId == active.Id && a.Action == StaffAccessService.AccessAction)));
        var activity = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Activity?keyword=Mendix+Support")).Body!.TextContent;
        Assert.Contains("viewed the cluster's recent logs", activity, StringComparison.Ordinal);
        Assert.Contains("viewed the cluster's resources and settings", activity, StringComparison.Ordinal);
        var uses = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Access")).QuerySelector("tr[data-grant]")!;
        Assert.Contains("3 accesses", uses.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, uses.QuerySelectorAll("[data-grant-uses] li").Length);
    }

    [Fact]
    public async Task An_active_grant_ends_after_its_hours_and_the_next_request_is_refused()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, Name("jit-ends"));
        await DemoClusters.AddGrantAsync(factory, cluster, AccessGrantStatus.Active, hours: 2);
        var support = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);
        Assert.Equal(HttpStatusCode.OK, (await support.Client.GetAsync(new Uri($"/Admin/Clusters/{cluster}/Logs", UriKind.Relative))).StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await support.Client.GetAsync(new Uri($"/Admin/Clusters/{cluster}/Logs", UriKind.Relative))).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await support.Client.GetAsync(new Uri($"/Admin/Clusters/{cluster}/Logs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(AccessGrantStatus.Complete, (await GrantAsync(cluster)).Status);
        Assert.Equal(2, await EntriesAsync(cluster, StaffAccessService.AccessAction));
        Assert.Equal(1, await EntriesAsync(cluster, "AccessComplete"));
    }

    [Fact]
    public async Task A_revoked_grant_is_refused_on_the_next_request()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, Name("jit-revoke"));
        await DemoClusters.AddGrantAsync(factory, cluster, AccessGrantStatus.Active, hours: 8);
        var support = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        Assert.Equal(HttpStatusCode.OK, (await support.Client.GetAsync(new Uri($"/Admin/Clusters/{cluster}/Resources", UriKind.Relative))).StatusCode);

        var row = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Access")).QuerySelector("tr[data-grant]")!;
        await manager.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!, new Dictionary<string, string> { ["decision"] = "Revoke" });

        Assert.Equal(HttpStatusCode.Forbidden, (await support.Client.GetAsync(new Uri($"/Admin/Clusters/{cluster}/Resources", UriKind.Relative))).StatusCode);
        var grant = await GrantAsync(cluster);
        Assert.Equal(AccessGrantStatus.Revoked, grant.Status);
        Assert.Equal("Casey Manager", grant.EndedBy);
        Assert.Equal(1, await EntriesAsync(cluster, StaffAccessService.AccessAction));
    }

    [Fact]
    public async Task A_start_decided_on_a_read_from_before_a_revocation_does_not_overwrite_it()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, Name("jit-race"));
        await DemoClusters.AddGrantAsync(factory, cluster, AccessGrantStatus.Approved, hours: 4);
        var now = factory.Clock.GetUtcNow();

        await factory.WithDatabaseAsync(async staff =>
        {
            var read = await staff.AccessGrants.SingleAsync(g => g.ClusterId == cluster);
            await factory.WithDatabaseAsync(async manager =>
            {
                Assert.Null((await manager.AccessGrants.SingleAsync(g => g.ClusterId == cluster)).Revoke("Casey Manager", now));
                return await manager.SaveChangesAsync();
            });

            Assert.Null(read.Activate("Sam Support", now));
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => staff.SaveChangesAsync());
            return 0;
        });

        var grant = await GrantAsync(cluster);
        Assert.Equal((AccessGrantStatus.Revoked, null), (grant.Status, grant.ActiveUntil));
    }

    [Fact]
    public async Task Start_and_Revoke_pressed_at_the_same_moment_leave_one_of_them_and_no_error_page()
    {
        var support = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        for (var round = 0; round < 8; round++)
        {
            var cluster = await DemoClusters.AddContosoAsync(factory, Name("jit-both"));
            await DemoClusters.AddGrantAsync(factory, cluster, AccessGrantStatus.Approved, hours: 4);
            var start = (await support.GetDocumentAsync($"/Admin/Clusters/{cluster}")).QuerySelector<IHtmlFormElement>("form[action*=Start]")!;
            var revoke = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Access")).QuerySelector<IHtmlFormElement>("tr[data-grant] form")!;

            var answers = await Task.WhenAll(
                support.SubmitAsync(start, new Dictionary<string, string>()),
                manager.SubmitAsync(revoke, new Dictionary<string, string> { ["decision"] = "Revoke" }));

            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{a.RequestMessage!.RequestUri} answered {a.StatusCode}"));
            var grant = await GrantAsync(cluster);
            Assert.True(grant.Status is AccessGrantStatus.Revoked or AccessGrantStatus.Active, $"round {round}: {grant.Status}");
            Assert.Equal(grant.Status == AccessGrantStatus.Revoked, grant.EndedAt is not null);
            var allowed = await support.Client.GetAsync(new Uri($"/Admin/Clusters/{cluster}/Logs", UriKind.Relative));
            Assert.Equal(grant.Status == AccessGrantStatus.Revoked ? HttpStatusCode.Forbidden : HttpStatusCode.OK, allowed.StatusCode);
        }
    }

    [Fact]
    public async Task An_unanswered_request_expires_after_24_hours_and_can_no_longer_be_approved()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, Name("jit-expire"));
        await DemoClusters.AddGrantAsync(factory, cluster, AccessGrantStatus.Pending);
        factory.Clock.Advance(TimeSpan.FromHours(24));
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var token = (await manager.GetDocumentAsync("/Clusters")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var row = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Access")).QuerySelector("tr[data-grant]")!;
        var grant = await GrantAsync(cluster);
        var approve = await manager.Client.PostAsync(new Uri($"/Clusters/{cluster}/Access?handler=Decide&grantId={grant.Id}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "Approve" }));

        Assert.Equal("Expired", row.QuerySelector("[data-grant-status]")!.TextContent);
        Assert.Null(row.QuerySelector("form"));
        Assert.Contains("only a pending request can be approved", (await PortalSession.ParseAsync(approve)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AccessGrantStatus.Expired, (await GrantAsync(cluster)).Status);
        Assert.Equal(1, await EntriesAsync(cluster, "AccessExpired"));
    }

    [Fact]
    public async Task A_member_cannot_approve_and_the_request_stays_pending()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, Name("jit-member"));
        var grant = await DemoClusters.AddGrantAsync(factory, cluster, AccessGrantStatus.Pending);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var token = (await member.GetDocumentAsync("/Clusters")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var page = await member.GetDocumentAsync($"/Clusters/{cluster}/Access");
        var approve = await member.Client.PostAsync(new Uri($"/Clusters/{cluster}/Access?handler=Decide&grantId={grant}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "Approve" }));

        Assert.Null(page.QuerySelector("tr[data-grant] form"));
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Contains("AccessDenied", approve.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(AccessGrantStatus.Pending, (await GrantAsync(cluster)).Status);
    }

    [Fact]
    public async Task A_request_needs_a_reason_and_hours_within_the_limit_and_only_one_may_be_open()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, Name("jit-rules"));
        var ticket = await DemoClusters.AddTicketAsync(factory, cluster);
        var support = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);
        async Task<IDocument> RequestAsync(string reason, string hours)
        {
            var form = (await support.GetDocumentAsync($"/Admin/Tickets/{ticket}")).QuerySelector<IHtmlFormElement>("form[action*=Request]")!;
            var answer = await support.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = reason, ["Input.DurationHours"] = hours });
            return await PortalSession.ParseAsync(answer);
        }

        var tooShort = await RequestAsync("help", "2");
        var tooLong = await RequestAsync("Ingress answers 503", "9");
        Assert.Contains("10 to 500 characters", tooShort.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 to 8 hours", tooLong.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.AccessGrants.CountAsync(g => g.ClusterId == cluster)));

        await RequestAsync("Ingress answers 503 for every app", "2");
        var second = await RequestAsync("Ingress answers 503 for every app", "2");
        Assert.Contains("already has an open grant", second.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDatabaseAsync(db => db.AccessGrants.CountAsync(g => g.ClusterId == cluster)));
        Assert.Equal(1, await EntriesAsync(cluster, "AccessRequested"));
    }
}
