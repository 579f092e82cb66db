using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using Xunit.Abstractions;

namespace MxAzurePortal.IntegrationTests.Security;

/// <summary>
/// Every page's GET and POST handlers, found from the running portal, tried by every kind of user: allowed or denied as
/// the table says. A new page or handler fails this test until it is given a row.
/// </summary>
public sealed class AccessMatrixTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    public enum Who
    {
        Member,
        ClusterManager,
        OtherOrganisation,
        SupportWithoutGrant,
        SupportWithGrant,
        SupportAfterExpiry,
        SupportAfterRevocation,
        AdministratorWithoutGrant,
    }

    private static readonly Who[] Customers = [Who.Member, Who.ClusterManager];
    private static readonly Who[] AllStaff =
        [Who.SupportWithoutGrant, Who.SupportWithGrant, Who.SupportAfterExpiry, Who.SupportAfterRevocation, Who.AdministratorWithoutGrant];
    private static readonly Who[] Everyone = Enum.GetValues<Who>();

    /// <summary>Who may use each handler ("GET|POST route handler"); everyone else must be refused.</summary>
    private static readonly Dictionary<string, Who[]> Allowed = new()
    {
        ["GET  handler="] = Everyone,
        ["GET Error handler="] = Everyone,
        ["POST Error handler="] = Everyone,
        ["GET Identity/Account/Login handler="] = Everyone,
        ["POST Identity/Account/Login handler="] = Everyone,

        // Only where the portal signs in with Entra ID; these tests run on local accounts.
        ["POST Identity/Account/Login handler=Microsoft"] = [],
        ["GET Identity/Account/Logout handler="] = Everyone,
        ["POST Identity/Account/Logout handler="] = Everyone,
        ["GET Identity/Account/AccessDenied handler="] = Everyone,

        // Customers: the clusters of their own organisation (another organisation's cluster is not found).
        ["GET Clusters handler="] = [.. Customers, Who.OtherOrganisation],
        ["GET Clusters handler=Rows"] = [.. Customers, Who.OtherOrganisation],
        ["GET Support handler="] = [.. Customers, Who.OtherOrganisation],
        ["GET Clusters/{id:guid} handler="] = Customers,
        ["GET Clusters/{id:guid} handler=Progress"] = Customers,
        ["GET Clusters/{id:guid}/Activity handler="] = Customers,
        ["GET Clusters/{id:guid}/Access handler="] = Customers,
        ["GET Clusters/{id:guid}/Compliance handler="] = Customers,
        ["GET Clusters/{id:guid}/Compliance handler=Csv"] = Customers,
        ["GET Clusters/{id:guid}/Updates handler="] = Customers,
        ["POST Clusters/{id:guid}/Access handler=Decide"] = [Who.ClusterManager],
        ["GET Clusters/{id:guid}/Customizations handler="] = Customers,
        ["GET Clusters/{id:guid}/Customizations handler=Changes"] = Customers,
        ["GET Clusters/{id:guid}/Runs/{runId:guid} handler="] = Customers,
        ["GET Clusters/{id:guid}/Support handler="] = Customers,
        ["POST Clusters/{id:guid}/Support handler=Refresh"] = Customers,
        ["GET Clusters/{id:guid}/Support/New handler="] = Customers,
        ["POST Clusters/{id:guid}/Support/New handler="] = Customers,
        ["GET Clusters/{id:guid}/Support/{ticketId:guid} handler="] = Customers,
        ["GET Clusters/{id:guid}/Environments handler="] = Customers,
        ["GET Clusters/{id:guid}/Environments handler=Jobs"] = Customers,
        ["POST Clusters/{id:guid}/Environments handler=Create"] = [Who.ClusterManager],
        ["POST Clusters/{id:guid}/Environments handler=Delete"] = [Who.ClusterManager],
        ["POST Clusters/{id:guid}/Environments handler=Deploy"] = [Who.ClusterManager],

        // Every signed-in user: their own API tokens (the page says tokens are for customers; staff cannot create one).
        ["GET Account/Tokens handler="] = Everyone,
        ["POST Account/Tokens handler=Create"] = Everyone,
        ["POST Account/Tokens handler=Revoke"] = Everyone,

        // The Deploy API's reference, public like the OpenAPI document it is made from.
        ["GET api/docs handler="] = Everyone,

        // Cluster Managers: creating, initializing, changing and deleting clusters.
        ["GET Clusters/New handler="] = [Who.ClusterManager, Who.OtherOrganisation],
        ["POST Clusters/New handler="] = [Who.ClusterManager, Who.OtherOrganisation],
        ["GET Clusters/{id:guid}/Preflight handler="] = [Who.ClusterManager],
        ["POST Clusters/{id:guid}/Preflight handler="] = [Who.ClusterManager],
        ["GET Clusters/{id:guid}/Provision handler="] = [Who.ClusterManager],
        ["POST Clusters/{id:guid}/Provision handler="] = [Who.ClusterManager],
        ["GET Clusters/{id:guid}/Review handler="] = [Who.ClusterManager],
        ["POST Clusters/{id:guid}/Review handler="] = [Who.ClusterManager],
        ["GET Clusters/{id:guid}/Rerun handler="] = [Who.ClusterManager],
        ["POST Clusters/{id:guid}/Rerun handler="] = [Who.ClusterManager],
        ["GET Clusters/{id:guid}/Delete handler="] = [Who.ClusterManager],
        ["POST Clusters/{id:guid}/Delete handler="] = [Who.ClusterManager],
        ["GET Clusters/{id:guid}/Customizations/{customization} handler="] = [Who.ClusterManager],
        ["POST Clusters/{id:guid}/Customizations/{customization} handler="] = [Who.ClusterManager],

        // Mendix staff: metadata across customers, always.
        ["GET Admin handler="] = AllStaff,
        ["POST Admin handler=MendixOnKubernetes"] = AllStaff,
        ["GET Admin/Clusters handler="] = AllStaff,
        ["GET Admin/Clusters/{id:guid} handler="] = AllStaff,
        ["POST Admin/Clusters/{id:guid} handler=Start"] = AllStaff,
        ["GET Admin/Tickets handler="] = AllStaff,
        ["GET Admin/Tickets/{id:guid} handler="] = AllStaff,
        ["POST Admin/Tickets/{id:guid} handler=Request"] = AllStaff,
        ["GET Admin/Releases handler="] = AllStaff,
        ["GET Admin/Releases/{id:guid} handler="] = AllStaff,
        ["GET Admin/Releases/Publish handler="] = [Who.AdministratorWithoutGrant],
        ["POST Admin/Releases/Publish handler="] = [Who.AdministratorWithoutGrant],

        // Mendix staff: a cluster's customer data, only under an active grant.
        ["GET Admin/Clusters/{id:guid}/Logs handler="] = [Who.SupportWithGrant],
        ["GET Admin/Clusters/{id:guid}/Resources handler="] = [Who.SupportWithGrant],
        ["GET Admin/Clusters/{id:guid}/Runs/{runId:guid} handler="] = [Who.SupportWithGrant],
    };

    private sealed record Actor(Who Who, PortalSession Session, string Token, Guid Cluster, Guid Run, Guid Ticket, Guid Release);

    [Fact]
    public async Task Every_handler_allows_exactly_the_users_the_matrix_names()
    {
        var handlers = await HandlersAsync();
        var unclassified = handlers.Keys.Except(Allowed.Keys).ToList();
        var stale = Allowed.Keys.Except(handlers.Keys).ToList();
        Assert.True(unclassified.Count == 0, "Handlers without a row in the access matrix: " + string.Join(", ", unclassified));
        Assert.True(stale.Count == 0, "Rows for handlers that no longer exist: " + string.Join(", ", stale));

        var actors = await ActorsAsync();
        var wrong = new List<string>();
        // Signing out ends the sessions, so it goes last.
        foreach (var (key, route) in handlers.OrderBy(h => h.Key.Contains("Logout", StringComparison.Ordinal)).ThenBy(h => h.Key, StringComparer.Ordinal))
        {
            foreach (var actor in actors)
            {
                var allowed = await TryAsync(actor, route);
                var expected = Allowed[key].Contains(actor.Who);
                output.WriteLine($"{key,-60} {actor.Who,-24} {(allowed ? "allowed" : "denied")}");
                if (allowed != expected)
                {
                    wrong.Add($"{key} as {actor.Who}: {(allowed ? "allowed" : "denied")}, expected {(expected ? "allowed" : "denied")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private sealed record Handler(string Method, string Template, string? Name);

    private async Task<Dictionary<string, Handler>> HandlersAsync()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var handlers = new Dictionary<string, Handler>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            // An Index page answers on its folder's route too; both are the same handlers.
            var template = endpoint.RoutePattern.RawText?.Trim('/') ?? "";
            template = template == "Index" ? "" : template.EndsWith("/Index", StringComparison.Ordinal) ? template[..^"/Index".Length] : template;
            foreach (var method in compiled.HandlerMethods)
            {
                var verb = method.HttpMethod.ToUpperInvariant() is "HEAD" ? "GET" : method.HttpMethod.ToUpperInvariant();
                handlers.TryAdd($"{verb} {template} handler={method.Name}", new Handler(verb, template, method.Name));
            }
        }

        return handlers;
    }

    private async Task<List<Actor>> ActorsAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var open = await DemoClusters.AddContosoAsync(factory, "matrix-open-" + suffix);
        var expiring = await DemoClusters.AddContosoAsync(factory, "matrix-expired-" + suffix);
        var revoked = await DemoClusters.AddContosoAsync(factory, "matrix-revoked-" + suffix);
        await DemoClusters.AddGrantAsync(factory, open, AccessGrantStatus.Active, hours: 8);
        await DemoClusters.AddGrantAsync(factory, expiring, AccessGrantStatus.Active, hours: 1);
        var revokedGrant = await DemoClusters.AddGrantAsync(factory, revoked, AccessGrantStatus.Active, hours: 8);
        await factory.WithDatabaseAsync(async db =>
        {
            var grant = await db.AccessGrants.SingleAsync(g => g.Id == revokedGrant);
            grant.Revoke("Casey Manager", factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var release = await factory.WithDatabaseAsync(async db =>
        {
            var published = new MxAzurePortal.Application.Updates.ServiceRelease
            {
                Name = "Matrix " + suffix, KubernetesVersion = "1.32.1", OperatorVersion = "2.22.0", AgentVersion = "2.22.0",
                ScheduledOn = new DateOnly(2030, 1, 1), PublishedBy = "Alex Admin", PublishedAt = factory.Clock.GetUtcNow(),
            };
            db.ServiceReleases.Add(published);
            await db.SaveChangesAsync();
            return published.Id;
        });
        factory.Clock.Advance(TimeSpan.FromHours(1));
        const string fabrikamManager = "manager@fabrikam.example";
        if (!await factory.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == fabrikamManager)))
        {
            await factory.AddMemberAsync(fabrikamManager, DemoAccounts.Fabrikam, OrganisationRole.ClusterManager);
        }

        async Task<Actor> ActorAsync(Who who, string email, Guid cluster)
        {
            var session = await PortalSession.SignedInAsync(factory, email);
            var home = email.EndsWith("@mendix.example", StringComparison.Ordinal) ? "/Admin" : "/Clusters";
            var token = (await session.GetDocumentAsync(home)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return new Actor(who, session, token, cluster, await DemoClusters.AddRunAsync(factory, cluster), await DemoClusters.AddTicketAsync(factory, cluster), release);
        }

        return
        [
            await ActorAsync(Who.Member, DemoAccounts.ContosoMember.Email, open),
            await ActorAsync(Who.ClusterManager, DemoAccounts.ContosoManager.Email, open),
            await ActorAsync(Who.OtherOrganisation, fabrikamManager, open),
            await ActorAsync(Who.SupportWithoutGrant, DemoAccounts.SupportEngineer.Email, await DemoClusters.AddContosoAsync(factory, "matrix-closed-" + suffix)),
            await ActorAsync(Who.SupportWithGrant, DemoAccounts.SupportEngineer.Email, open),
            await ActorAsync(Who.SupportAfterExpiry, DemoAccounts.SupportEngineer.Email, expiring),
            await ActorAsync(Who.SupportAfterRevocation, DemoAccounts.SupportEngineer.Email, revoked),
            await ActorAsync(Who.AdministratorWithoutGrant, DemoAccounts.Administrator.Email, await DemoClusters.AddContosoAsync(factory, "matrix-admin-" + suffix)),
        ];
    }

    /// <summary>
    /// Allowed: the handler ran (any answer but 403, 404, or a redirect to access denied or to sign in first). POSTs carry only the
    /// antiforgery token, so a handler that runs refuses the empty form and changes nothing.
    /// </summary>
    private static async Task<bool> TryAsync(Actor actor, Handler handler)
    {
        var id = handler.Template.StartsWith("Admin/Tickets", StringComparison.Ordinal) ? actor.Ticket
            : handler.Template.StartsWith("Admin/Releases", StringComparison.Ordinal) ? actor.Release : actor.Cluster;
        var path = "/" + handler.Template
            .Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{runId:guid}", actor.Run.ToString(), StringComparison.Ordinal)
            .Replace("{ticketId:guid}", actor.Ticket.ToString(), StringComparison.Ordinal)
            .Replace("{customization}", "Tags", StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(handler.Name))
        {
            path += "?handler=" + handler.Name;
        }

        var uri = new Uri(path, UriKind.Relative);
        using var response = handler.Method == HttpMethods.Post
            ? await actor.Session.Client.PostAsync(uri, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = actor.Token }))
            : await actor.Session.Client.GetAsync(uri);
        var location = response.Headers.Location?.OriginalString ?? "";
        var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/AccessDenied", StringComparison.Ordinal) || location.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase)));
        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"{handler.Method} {path} as {actor.Who} answered 500");
        return !refused;
    }
}
