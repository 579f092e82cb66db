using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.ApiTokens;

public sealed record NewApiToken(string Name, ApiScopes Scopes, DateOnly? ExpiresOn);

public sealed record ApiTokenListItem(
    Guid Id, string Name, string Prefix, ApiScopes Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The token in clear, shown once right after it is created and never stored.</summary>
public sealed record CreatedApiToken(Guid Id, string Name, string Token);

/// <summary>The signed-in user's own personal access tokens: list, create, revoke.</summary>
public sealed class ApiTokenService(IPortalDb db, ICurrentUser user, TimeProvider clock)
{
    public const int MaxActivePerUser = 20;
    public const int MaxLifetimeDays = 366;

    public async Task<IReadOnlyList<ApiTokenListItem>> ListMineAsync(CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenListItem(t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<(RuleResult Result, CreatedApiToken? Token)> CreateAsync(NewApiToken input, CancellationToken cancellationToken)
    {
        if (user.OrganisationId is not { } organisationId || user.UserId is not { } userId)
        {
            return (RuleResult.Fail("", "API tokens are for members of a customer organisation: the Deploy API acts on your organisation's clusters."), null);
        }

        var now = clock.GetUtcNow();
        var name = input.Name?.Trim() ?? "";
        var rules = RuleResult.Combine(
            name.Length is 0 or > ApiToken.NameMaxLength
                ? RuleResult.Fail(nameof(NewApiToken.Name), $"Give the token a name of 1 to {ApiToken.NameMaxLength} characters, e.g. the pipeline that uses it.")
                : RuleResult.Ok,
            (input.Scopes & (ApiScopes.DeploymentRead | ApiScopes.DeploymentWrite)) == ApiScopes.None
                ? RuleResult.Fail(nameof(NewApiToken.Scopes), "Choose at least one scope.")
                : RuleResult.Ok,
            input.ExpiresOn is { } on && (on <= DateOnly.FromDateTime(now.UtcDateTime) || on > DateOnly.FromDateTime(now.UtcDateTime).AddDays(MaxLifetimeDays))
                ? RuleResult.Fail(nameof(NewApiToken.ExpiresOn), $"The expiry date must be after today and at most {MaxLifetimeDays} days ahead, or left empty.")
                : RuleResult.Ok);
        if (!rules.IsValid)
        {
            return (rules, null);
        }

        var active = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Select(t => t.Name).ToListAsync(cancellationToken);
        if (active.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return (RuleResult.Fail(nameof(NewApiToken.Name), $"You have an active token named '{name}' already; choose another name."), null);
        }

        if (active.Count >= MaxActivePerUser)
        {
            return (RuleResult.Fail("", $"You have {MaxActivePerUser} active tokens, the most allowed; revoke one you no longer use first."), null);
        }

        var (secret, prefix, hash) = ApiTokenSecrets.Generate();
        var token = new ApiToken
        {
            OrganisationId = organisationId,
            UserId = userId,
            Name = name,
            Prefix = prefix,
            Hash = hash,
            Scopes = input.Scopes & (ApiScopes.DeploymentRead | ApiScopes.DeploymentWrite),
            CreatedAt = now,
            ExpiresAt = input.ExpiresOn is { } expires ? new DateTimeOffset(expires.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (RuleResult.Ok, new CreatedApiToken(token.Id, token.Name, secret));
    }

    /// <summary>Revokes one of the user's own tokens; it stops working at its next use.</summary>
    public async Task<RuleResult> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return RuleResult.Fail("", "That token does not exist or is not yours.");
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return RuleResult.Ok;
    }
}
