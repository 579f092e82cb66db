using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using Xunit.Abstractions;

namespace MxAzurePortal.IntegrationTests.Reliability;

/// <summary>
/// Every form of the portal, posted with hostile values one field at a time: the portal answers with validation errors
/// or 400, never 500; what it refuses leaves the database as it was (what it stores is a legal value, acknowledged as
/// such); and no page ever shows input unencoded.
/// </summary>
public sealed class HostileInputTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const string Script = "<script>alert('mx-xss')</script>";
    private const string Attribute = "\"><img src=x onerror=alert('mx-xss')>";

    /// <summary>The corpus: oversized, control characters, markup, SQL, wrong types, and odd Unicode.</summary>
    public static readonly string[] Corpus =
    [
        new string('A', 20_000),
        "\u0000\u0001\u0007\u001b[31m\u007f",
        Script,
        Attribute,
        "'; DROP TABLE Clusters; --",
        "1 OR 1=1",
        "-99999999999999999999999",
        "NaN",
        "‮gnp.exe\u200b\ud83d\ude00",
        "../../../../etc/passwd",
        "",
    ];

    private sealed record Target(string Page, PortalSession Session);

    [Fact]
    public async Task Every_form_refuses_hostile_values_without_a_500_without_storing_and_without_echoing_markup()
    {
        var targets = await TargetsAsync();
        var posts = 0;
        var refused = 0;
        var accepted = 0;
        var forms = 0;
        foreach (var target in targets)
        {
            var page = await target.Session.GetDocumentAsync(target.Page);
            foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]"))
            {
                forms++;
                var fields = form.Elements.OfType<IElement>().Select(e => e.GetAttribute("name"))
                    .Where(n => !string.IsNullOrEmpty(n) && n != "__RequestVerificationToken").Distinct().ToList();
                foreach (var field in fields)
                {
                    foreach (var value in Corpus)
                    {
                        var before = await FingerprintAsync();
                        var response = await target.Session.SubmitAsync(form, new Dictionary<string, string> { [field!] = value });
                        posts++;
                        var body = await response.Content.ReadAsStringAsync();
                        var where = $"{target.Page} form {form.GetAttribute("action")} field {field} value {Describe(value)}";
                        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"500 from {where}");
                        AssertEncoded(body, where);
                        var changed = before != await FingerprintAsync();
                        if (response.StatusCode == HttpStatusCode.Redirect || (changed && !ShowsErrors(body)))
                        {
                            accepted++;
                            continue;
                        }

                        refused++;
                        Assert.False(changed, $"{where} was refused ({(int)response.StatusCode}) but changed the database");
                    }
                }
            }

            var withoutToken = await target.Session.Client.PostAsync(new Uri(target.Page, UriKind.Relative), new FormUrlEncodedContent([]));
            Assert.True(withoutToken.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed,
                $"POST {target.Page} without an antiforgery token answered {(int)withoutToken.StatusCode}");
        }

        foreach (var target in targets)
        {
            var html = await (await target.Session.Client.GetAsync(new Uri(target.Page, UriKind.Relative))).Content.ReadAsStringAsync();
            AssertEncoded(html, "GET " + target.Page + " afterwards");
        }

        var line = $"hostile input: {forms} forms, {posts} posts, {refused} refused, {accepted} accepted (legal values), 0 answered 500";
        output.WriteLine(line);
        ReliabilityReport.Add(line);
        Assert.True(forms >= 12, $"only {forms} forms were found");
    }

    private static void AssertEncoded(string html, string where)
    {
        Assert.False(html.Contains(Script, StringComparison.Ordinal), $"unencoded script from {where}");
        Assert.False(html.Contains("<img src=x onerror", StringComparison.Ordinal), $"unencoded attribute injection from {where}");
    }

    /// <summary>Validation messages: what a refused form shows (the classes appear only when there are errors).</summary>
    private static bool ShowsErrors(string html) =>
        html.Contains("field-validation-error", StringComparison.Ordinal) || html.Contains("validation-summary-errors", StringComparison.Ordinal);

    private static string Describe(string value) => value.Length > 40 ? $"({value.Length} chars)" : $"'{value}'";

    /// <summary>What a refused post must not have changed.</summary>
    private Task<string> FingerprintAsync() => factory.WithDatabaseAsync(async db =>
        string.Join('|',
            await db.Clusters.CountAsync(), await db.Clusters.MaxAsync(c => (int?)c.Version) ?? 0, await db.Runs.CountAsync(),
            await db.SupportTickets.CountAsync(), await db.AccessGrants.CountAsync(),
            await db.AccessGrants.CountAsync(g => g.Status != AccessGrantStatus.Pending), await db.Organisations.CountAsync(),
            await db.AppEnvironments.CountAsync(), await db.DeploymentJobs.CountAsync(), await db.ApiTokens.CountAsync(t => t.RevokedAt == null)));

    private async Task<List<Target>> TargetsAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var initialized = await DemoClusters.AddContosoAsync(factory, "hostile-" + suffix);
        var ready = await DemoClusters.AddAsync(factory, DemoAccounts.Contoso, "hostile-new-" + suffix, ClusterStatus.ReadyToInitialize);
        var failed = await DemoClusters.AddAsync(factory, DemoAccounts.Contoso, "hostile-failed-" + suffix, ClusterStatus.Failed);
        await DemoClusters.AddRunAsync(factory, initialized);
        var failedRun = await DemoClusters.AddRunAsync(factory, failed);
        await factory.WithDatabaseAsync(async db =>
        {
            (await db.Runs.SingleAsync(r => r.Id == failedRun)).Status = MxAzurePortal.Application.Runs.RunStatus.Failed;
            (await db.Clusters.SingleAsync(c => c.Id == failed)).LastRunId = failedRun;
            return await db.SaveChangesAsync();
        });
        var ticket = await DemoClusters.AddTicketAsync(factory, initialized);
        await DemoClusters.AddGrantAsync(factory, initialized, AccessGrantStatus.Pending);
        await DemoClusters.AddGrantAsync(factory, failed, AccessGrantStatus.Approved);
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);
        var administrator = await PortalSession.SignedInAsync(factory, DemoAccounts.Administrator.Email);
        return
        [
            new("/Clusters/New", manager),
            new($"/Clusters/{ready}/Preflight", manager),
            new($"/Clusters/{ready}/Provision", manager),
            new($"/Clusters/{initialized}/Customizations", manager),
            new($"/Clusters/{initialized}/Support", manager),
            new($"/Clusters/{initialized}/Support/New", manager),
            new($"/Clusters/{initialized}/Access", manager),
            new($"/Clusters/{initialized}/Delete", manager),
            new($"/Clusters/{initialized}/Environments", manager),
            new("/Account/Tokens", manager),
            new($"/Clusters/{failed}", manager),
            new($"/Admin/Tickets/{ticket}", staff),
            new($"/Admin/Clusters/{failed}", staff),
            new("/Admin/Releases/Publish", administrator),
        ];
    }
}
