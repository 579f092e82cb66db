using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Updates;

/// <summary>Publishes releases through the staff form and waits for update runs, as the tests of service updates need.</summary>
public static class Releases
{
    public static async Task<HttpResponseMessage> PublishAsync(
        PortalSession administrator, string name, string kubernetes, string version, DateOnly on)
    {
        var form = (await administrator.GetDocumentAsync("/Admin/Releases")).QuerySelector<IHtmlFormElement>("form[action='/Admin/Releases/Publish']")
            ?? throw new InvalidOperationException("No publish form on /Admin/Releases.");
        return await administrator.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.KubernetesVersion"] = kubernetes,
            ["Input.OperatorVersion"] = version,
            ["Input.AgentVersion"] = version,
            ["Input.ScheduledOn"] = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Notes"] = $"Release {name} for the tests.",
        });
    }

    /// <summary>Publishes and answers the release's id, from the redirect to its details.</summary>
    public static async Task<Guid> PublishedAsync(PortalSession administrator, string name, string kubernetes, string version, DateOnly on)
    {
        var response = await PublishAsync(administrator, name, kubernetes, version, on);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Publish answered {(int)response.StatusCode}: {(await PortalSession.ParseAsync(response)).QuerySelector("form")?.TextContent}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>Waits until no update run is queued or running.</summary>
    public static async Task WaitForUpdateRunsAsync(PortalFactory factory)
    {
        for (var i = 0; i < 600; i++)
        {
            if (!await factory.WithDatabaseAsync(db => db.Runs.AnyAsync(r => r.Kind == RunKind.Update && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running))))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The update runs did not finish in time.");
    }
}
