using Azure.Core;

namespace MxAzurePortal.Sandbox.Hosting;

/// <summary>The sandbox's Azure credential: a token the ARM simulator accepts, so the SDK's bearer policy runs as in production.</summary>
public sealed class SandboxTokenCredential(TimeProvider clock) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new("sandbox-access-token", clock.GetUtcNow().AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
