using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MxAzurePortal.BrowserTests.Hosting;
using MxAzurePortal.Sandbox;

namespace MxAzurePortal.BrowserTests.Security;

public sealed class SignInTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_demo_customer_signs_in_reaches_the_Clusters_page_and_signs_out()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Contains("/Identity/Account/Login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("E-mail address").FillAsync("manager@contoso.example");
        await page.GetByLabel("Password").FillAsync(SandboxOptions.DefaultDemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForPageAsync(new Regex("/Clusters$"));
        Assert.Equal("Clusters", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "contoso-prod" }).IsVisibleAsync());
        Assert.Equal(0, await page.GetByText("fabrikam-apps").CountAsync());
        Assert.Contains("Contoso", await page.GetByTestId("signed-in-user").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/Identity/Account/Login"));
        await page.GotoAsync("/Clusters");
        Assert.Contains("/Identity/Account/Login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_page_whose_session_ends_goes_to_sign_in_as_a_whole_and_comes_back_after_it()
    {
        var page = await portal.SignedInPageAsync("manager@contoso.example");
        var overview = await page.InitializeClusterAsync("session-ends");

        // The session ends while the Overview polls the run's progress.
        await page.Context.ClearCookiesAsync();

        await page.WaitForPageAsync(url => url.Contains("/Identity/Account/Login", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("form input[name='Input.Email']").CountAsync());
        Assert.Equal(0, await page.Locator("#run-progress").CountAsync());
        await page.GetByLabel("E-mail address").FillAsync("manager@contoso.example");
        await page.GetByLabel("Password").FillAsync(SandboxOptions.DefaultDemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == overview);
        Assert.Equal("session-ends", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_announced_on_the_page()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("member@contoso.example");
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("not correct", await alert.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_land_on_the_admin_view_and_the_page_loads_without_console_errors()
    {
        var page = await portal.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("support@mendix.example");
        await page.GetByLabel("Password").FillAsync(SandboxOptions.DefaultDemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForPageAsync(new Regex("/Admin$"));
        Assert.True(await page.GetByRole(AriaRole.Rowheader, new() { Name = "Contoso" }).IsVisibleAsync());
        Assert.Empty(errors);
    }
}
