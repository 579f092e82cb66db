using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Infrastructure.Azure;
using MxAzurePortal.Sandbox.Arm;
using MxAzurePortal.Sandbox.Hosting;

namespace MxAzurePortal.IntegrationTests.Azure;

/// <summary>
/// The ARM adapter's failures that carry no answer from ARM reach the runs as <see cref="AzureOperationException"/>,
/// transient, like ARM's own throttling: nothing listens, or the portal's credential gets no token.
/// </summary>
public sealed class ArmFailuresWithoutAnswerTests
{
    private const string Group = "/subscriptions/3f2c9d8e-1a4b-4c6d-9e8f-0a1b2c3d4e5f/resourceGroups/rg-mendix";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_Resource_Manager_that_does_not_answer_fails_every_call_as_ServiceUnreachable(int retries)
    {
        // Nothing listens on the discard port: every attempt fails before any answer.
        var adapter = Adapter(new SandboxTokenCredential(TimeProvider.System), new Uri("https://127.0.0.1:9"), retries);

        var calls = new Func<Task>[]
        {
            () => adapter.PutAsync(new AzureResourceRequest(Group, "westeurope"), CancellationToken.None),
            () => adapter.GetAsync(Group, CancellationToken.None),
            () => adapter.DeleteAsync(Group, CancellationToken.None),
            () => adapter.SetTagsAsync(Group, new Dictionary<string, string> { ["a"] = "b" }, CancellationToken.None),
            () => adapter.GetProviderRegistrationsAsync("3f2c9d8e-1a4b-4c6d-9e8f-0a1b2c3d4e5f", ["Microsoft.Storage"], CancellationToken.None),
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<AzureOperationException>(call);
            Assert.Equal(("ServiceUnreachable", true), (error.Code, error.IsTransient));
        }
    }

    [Fact]
    public async Task A_credential_that_gets_no_token_fails_the_call_as_AzureSignInFailed()
    {
        var adapter = Adapter(new RefusedCredential(), new Uri(ArmSimulatorOptions.PublicEndpoint), retries: 0);

        var error = await Assert.ThrowsAsync<AzureOperationException>(() =>
            adapter.PutAsync(new AzureResourceRequest(Group, "westeurope"), CancellationToken.None));

        Assert.Equal(("AzureSignInFailed", true), (error.Code, error.IsTransient));
        Assert.Contains("AADSTS7000222", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        var adapter = Adapter(new SandboxTokenCredential(TimeProvider.System), new Uri("https://127.0.0.1:9"), retries: 3);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            adapter.PutAsync(new AzureResourceRequest(Group, "westeurope"), cancelled.Token));
    }

    private static ArmAzureResources Adapter(TokenCredential credential, Uri endpoint, int retries)
    {
        var options = new AzureOptions { ResourceManagerEndpoint = endpoint, MaxRetries = retries, PollIntervalSeconds = 0.02 };
        var client = ArmClientSetup.CreateClient(credential, options, new HttpClient());
        return new ArmAzureResources(client, Options.Create(options), NullLogger<ArmAzureResources>.Instance);
    }

    /// <summary>An expired client secret, as Entra ID answers it.</summary>
    private sealed class RefusedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("ClientSecretCredential authentication failed: AADSTS7000222: The provided client secret keys are expired.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("ClientSecretCredential authentication failed: AADSTS7000222: The provided client secret keys are expired.");
    }
}
