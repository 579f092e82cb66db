using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.ApiTokens;

/// <summary>
/// A personal access token for the Deploy API. It belongs to one user in one organisation; only its SHA-256 hash is
/// stored, with a short lookup prefix so a presented token is found without comparing secrets in SQL.
/// </summary>
public sealed class ApiToken : ITenantOwned
{
    public const int NameMaxLength = 64;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The token's first characters (<c>mxt_</c> and eight more): shown in lists, used to find the row.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token.</summary>
    public required byte[] Hash { get; set; }

    public ApiScopes Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expiry || expiry > now);
}
