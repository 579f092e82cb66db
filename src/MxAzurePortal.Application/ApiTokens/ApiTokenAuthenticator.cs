using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.ApiTokens;

/// <summary>Who a valid token speaks for; the caller still checks that the user is a member of the organisation.</summary>
public sealed record ApiTokenIdentity(Guid Id, string UserId, Guid OrganisationId, string Name, ApiScopes Scopes);

public sealed record ApiTokenCheck(ApiTokenIdentity? Token, string? Failure);

/// <summary>
/// Finds the token a request presents. It runs before any tenant is known, so it reads past the tenant filter, by the
/// token's lookup prefix, and compares hashes in constant time.
/// </summary>
public sealed class ApiTokenAuthenticator(IPortalDb db, TimeProvider clock)
{
    /// <summary>Last-used times are written at most this often per token, so a busy pipeline does not write on every call.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiTokenCheck> CheckAsync(string? presented, CancellationToken cancellationToken)
    {
        if (ApiTokenSecrets.TryGetPrefix(presented) is not { } prefix)
        {
            return new ApiTokenCheck(null, "The token is malformed: personal access tokens start with mxt_; create one on your profile page.");
        }

        var candidates = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking().Where(t => t.Prefix == prefix)
            .ToListAsync(cancellationToken);
        var token = candidates.FirstOrDefault(t => ApiTokenSecrets.Matches(presented!, t.Hash));
        var now = clock.GetUtcNow();
        if (token is null)
        {
            return new ApiTokenCheck(null, "The token is not valid.");
        }

        if (token.RevokedAt is not null)
        {
            return new ApiTokenCheck(null, "The token has been revoked.");
        }

        if (token.ExpiresAt is { } expiry && expiry <= now)
        {
            return new ApiTokenCheck(null, "The token has expired.");
        }

        if (token.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            var before = now - LastUsedResolution;
            await db.ApiTokens.IgnoreQueryFilters().Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= before))
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), cancellationToken);
        }

        return new ApiTokenCheck(new ApiTokenIdentity(token.Id, token.UserId, token.OrganisationId, token.Name, token.Scopes), null);
    }
}
