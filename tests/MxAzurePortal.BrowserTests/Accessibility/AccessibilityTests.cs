using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MxAzurePortal.BrowserTests.Hosting;
using Xunit.Abstractions;

namespace MxAzurePortal.BrowserTests.Accessibility;

/// <summary>
/// Every page a user can reach, checked in Chromium by axe-core against the WCAG 2.0, 2.1 and 2.2 A and AA rules.
/// The pages are found by following the links of each page from a user's start page, so a page added later is
/// checked without being listed here; up to three pages of each route are visited (query strings set aside). A link
/// that leads to an error (a page not found, a refusal) is reported with the violations, and so is a page wider than
/// a phone's screen.
/// </summary>
public sealed partial class AccessibilityTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    private const int MaxPages = 80;

    // The same page of another cluster or ticket may show other parts (a cluster in set-up, an initialized one).
    private const int PagesPerRoute = 3;

    private static readonly AxeRunOptions WcagAandAA = new()
    {
        RunOnly = RunOnlyOptions.Tags("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"),
    };

    [Fact]
    public async Task Every_page_a_customer_and_a_staff_member_reach_has_no_WCAG_A_or_AA_violations()
    {
        var customer = await portal.SignedInPageAsync("manager@contoso.example");
        await customer.OpenTicketOnContosoProdAsync("Pods are evicted under load", "Since the last release pods are evicted when traffic peaks.");
        var review = await customer.SetUpClusterToReviewAsync("contoso-a11y");

        var customerPages = await CrawlAsync(customer, "/Clusters", review);
        var staffPages = await CrawlAsync(await portal.SignedInPageAsync("support@mendix.example"), "/Admin");

        output.WriteLine($"customer, {customerPages.Pages.Count} pages: {string.Join(", ", customerPages.Pages.Select(RouteShape))}");
        output.WriteLine($"staff, {staffPages.Pages.Count} pages: {string.Join(", ", staffPages.Pages.Select(RouteShape))}");
        Assert.Superset(CustomerRoutes, customerPages.Pages.Select(RouteShape).ToHashSet());
        Assert.Superset(StaffRoutes, staffPages.Pages.Select(RouteShape).ToHashSet());
        Assert.True(customerPages.Violations.Length == 0, customerPages.Violations.ToString());
        Assert.True(staffPages.Violations.Length == 0, staffPages.Violations.ToString());
    }

    [Fact]
    public async Task The_sign_in_page_and_its_error_states_have_no_WCAG_A_or_AA_violations()
    {
        var page = await portal.NewPageAsync();
        var violations = new StringBuilder();

        await page.GotoAsync("/Identity/Account/Login");
        await CheckAsync(page, violations);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByText("Enter your e-mail address.").WaitForAsync();
        await CheckAsync(page, violations);
        await page.GetByLabel("E-mail address").FillAsync("member@contoso.example");
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await CheckAsync(page, violations);

        Assert.True(violations.Length == 0, violations.ToString());
    }

    [Fact]
    public async Task Forms_showing_their_validation_errors_and_a_refused_customization_have_no_WCAG_A_or_AA_violations()
    {
        var page = await portal.SignedInPageAsync("manager@contoso.example");
        var violations = new StringBuilder();

        await page.GetByRole(AriaRole.Link, new() { Name = "contoso-prod" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Support Center" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open a Ticket" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();
        await page.GetByText("Give the ticket a subject.").First.WaitForAsync();
        await CheckAsync(page, violations);

        await page.GotoAsync("/Clusters/New");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to pre-flight checks" }).ClickAsync();
        await page.GetByText("Give the cluster a name.").First.WaitForAsync();
        await CheckAsync(page, violations);

        await page.GetByRole(AriaRole.Link, new() { Name = "Clusters", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "contoso-prod" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Customizations" }).First.ClickAsync();
        await page.GetByLabel("Maximum nodes").FillAsync("100000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply maximum" }).ClickAsync();
        await page.Locator("section[aria-labelledby=nodes-heading]").Locator(".text-danger:visible, [role=alert]").First.WaitForAsync();
        await CheckAsync(page, violations);

        Assert.True(violations.Length == 0, violations.ToString());
    }

    private static readonly HashSet<string> CustomerRoutes =
    [
        "/Clusters", "/Clusters/New", "/Clusters/{id}", "/Clusters/{id}/Preflight", "/Clusters/{id}/Provision", "/Clusters/{id}/Review",
        "/Clusters/{id}/Customizations", "/Clusters/{id}/Activity", "/Clusters/{id}/Access", "/Clusters/{id}/Support",
        "/Clusters/{id}/Support/New", "/Clusters/{id}/Support/{id}", "/Clusters/{id}/Runs/{id}", "/Support", "/Account/Tokens",
    ];

    private static readonly HashSet<string> StaffRoutes = ["/Admin", "/Admin/Clusters", "/Admin/Clusters/{id}", "/Admin/Tickets", "/Admin/Tickets/{id}", "/Admin/Releases"];

    private static async Task<(List<string> Pages, StringBuilder Violations)> CrawlAsync(IPage page, params string[] starts)
    {
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        var seen = new HashSet<string>(starts, StringComparer.OrdinalIgnoreCase);
        var perRoute = starts.CountBy(RouteShape, StringComparer.OrdinalIgnoreCase).ToDictionary(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(starts);
        var pages = new List<string>();
        var violations = new StringBuilder();
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var path = queue.Dequeue();
            var response = await page.GotoAsync(path);
            if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            pages.Add(path);
            if (response.Status != 200)
            {
                violations.AppendLine($"{path}: answered {response.Status}");
            }

            await CheckAsync(page, violations);
            await CheckPhoneWidthAsync(page, path, violations);
            var hrefs = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)");
            foreach (var href in hrefs)
            {
                if (!href.StartsWith(origin + "/", StringComparison.Ordinal))
                {
                    continue;
                }

                var local = href[origin.Length..].Split('#', '?')[0];
                var shape = RouteShape(local);
                if (local.Length > 0 && !IsNotAPage(local) && perRoute.GetValueOrDefault(shape) < PagesPerRoute && seen.Add(local))
                {
                    perRoute[shape] = perRoute.GetValueOrDefault(shape) + 1;
                    queue.Enqueue(local);
                }
            }
        }

        return (pages, violations);
    }

    private static async Task CheckAsync(IPage page, StringBuilder violations)
    {
        var result = await page.RunAxe(WcagAandAA);
        foreach (var violation in result.Violations)
        {
            violations.AppendLine($"{new Uri(page.Url).PathAndQuery}: {violation.Id} ({violation.Impact}) {violation.Help}");
            foreach (var node in violation.Nodes.Take(10))
            {
                violations.AppendLine($"    {node.Target}: {node.Html}");
            }
        }
    }

    /// <summary>On a phone's screen (390 px) the page may scroll its tables, never the whole page sideways.</summary>
    private static async Task CheckPhoneWidthAsync(IPage page, string path, StringBuilder violations)
    {
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(390, 844);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width > 390)
        {
            violations.AppendLine($"{path}: {width} px wide on a 390 px screen");
        }

        await page.SetViewportSizeAsync(size?.Width ?? 1280, size?.Height ?? 720);
    }

    /// <summary>Signing out, downloads, static files and the Deploy API (but its reference page) are not pages to check.</summary>
    private static bool IsNotAPage(string path) =>
        path.Contains("/Logout", StringComparison.OrdinalIgnoreCase)
        || path.Contains(".csv", StringComparison.OrdinalIgnoreCase)
        || path.Contains("/lib/", StringComparison.Ordinal)
        || (path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/api/docs", StringComparison.Ordinal));

    private static string RouteShape(string path) => Ids().Replace(path.Split('?')[0], "{id}");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Ids();
}
