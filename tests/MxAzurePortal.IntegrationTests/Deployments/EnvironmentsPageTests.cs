using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Deployments;

/// <summary>The Environments tab: the same rules as the Deploy API, in the portal's forms.</summary>
public sealed class EnvironmentsPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_cluster_manager_creates_an_environment_and_deploys_with_the_version_gate()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "ui-env-" + Guid.NewGuid().ToString("N")[..6]);
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var overview = await manager.GetDocumentAsync($"/Clusters/{cluster}");
        Assert.NotNull(overview.QuerySelector($"a[href='/Clusters/{cluster}/Environments']"));

        var page = await manager.GetDocumentAsync($"/Clusters/{cluster}/Environments");
        var created = await manager.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[data-form=create]")!,
            new Dictionary<string, string> { ["Create.Name"] = "acceptance", ["Create.Purpose"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        page = await manager.GetDocumentAsync($"/Clusters/{cluster}/Environments");
        Assert.NotNull(page.QuerySelector("tr[data-environment=acceptance]"));
        var old = await UploadAsync(manager, page, MdaFiles.WithRuntime("10.9.2.4321"));
        var oldPage = await PortalSession.ParseAsync(old);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var error = oldPage.QuerySelector("[data-error=deploy]")!.TextContent;
        Assert.Contains("Mendix 10.9.2.4321", error, StringComparison.Ordinal);
        Assert.Contains("10.10 or later", error, StringComparison.Ordinal);
        Assert.Empty(oldPage.QuerySelectorAll("tr[data-job]"));

        var good = await UploadAsync(manager, page, MdaFiles.WithRuntime("10.12.1.999"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? status;
        do
        {
            await Task.Delay(100);
            status = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Environments")).QuerySelector("tr[data-job] [data-status]")?.TextContent;
        }
        while (status is not ("Succeeded" or "Failed") && DateTime.UtcNow < deadline);

        Assert.Equal("Succeeded", status);
        var final = await manager.GetDocumentAsync($"/Clusters/{cluster}/Environments");
        Assert.Equal("Running", final.QuerySelector("tr[data-environment=acceptance] [data-status]")!.TextContent);
        Assert.Contains("10.12.1.999", final.QuerySelector("tr[data-environment=acceptance]")!.TextContent, StringComparison.Ordinal);

        // The polled jobs fragment asks for the whole page once no job runs: the environments it changed are outside it.
        using var poll = new HttpRequestMessage(HttpMethod.Get, new Uri($"/Clusters/{cluster}/Environments?handler=Jobs", UriKind.Relative));
        poll.Headers.Add("HX-Request", "true");
        var fragment = await manager.Client.SendAsync(poll);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Equal("true", fragment.Headers.TryGetValues("HX-Refresh", out var refresh) ? refresh.Single() : null);

        // Removing takes the app with it: the row's Remove only opens a confirmation that names the environment.
        var remove = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Environments")).QuerySelector("tr[data-environment=acceptance] details[data-remove-environment]")!;
        Assert.Equal("Remove environment acceptance", remove.QuerySelector("summary")!.TextContent.Trim());
        Assert.Equal("Remove acceptance", remove.QuerySelector("form button[type=submit]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(remove.QuerySelector<IHtmlFormElement>("form")!, new Dictionary<string, string>())).StatusCode);
        // Removing, or already removed if its job was quick.
        var removing = (await manager.GetDocumentAsync($"/Clusters/{cluster}/Environments")).QuerySelector("tr[data-environment=acceptance] [data-status]")?.TextContent;
        Assert.True(removing is null or "Removing", $"The environment is {removing}.");
    }

    [Fact]
    public async Task A_member_sees_the_environments_but_no_forms_and_cannot_post()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "ui-member-" + Guid.NewGuid().ToString("N")[..6]);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var page = await member.GetDocumentAsync($"/Clusters/{cluster}/Environments");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
                    ?? (await member.GetDocumentAsync("/Clusters")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var post = await member.Client.PostAsync(new Uri($"/Clusters/{cluster}/Environments?handler=Create", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Create.Name"] = "sneaky" }));

        Assert.Null(page.QuerySelector("form[data-form=create]"));
        Assert.Contains("Only a Cluster Manager", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/AccessDenied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_not_yet_initialized_says_so_with_its_status_in_words()
    {
        var cluster = await DemoClusters.AddAsync(factory, DemoAccounts.Contoso, "ui-ready-" + Guid.NewGuid().ToString("N")[..6], ClusterStatus.ReadyToInitialize);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var page = await member.GetDocumentAsync($"/Clusters/{cluster}/Environments");

        Assert.Equal(
            "The cluster is not initialized (its status: Ready to initialize): environments can be created and apps deployed once it is.",
            page.QuerySelector("[data-testid=not-initialized]")!.TextContent);
    }

    private static Task<HttpResponseMessage> UploadAsync(PortalSession session, AngleSharp.Dom.IDocument page, byte[] package)
    {
        var form = page.QuerySelector<IHtmlFormElement>("form[data-form=deploy]")!;
        var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            content.Add(new StringContent(input.Value), input.Name!);
        }

        content.Add(new StringContent(form.QuerySelector<IHtmlSelectElement>("select")!.Value!), "Deploy.EnvironmentId");
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "package", "app.mda");
        return session.Client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }
}
