using MxAzurePortal.Application.ApiTokens;

namespace MxAzurePortal.UnitTests.Application.ApiTokens;

public sealed class ApiTokenSecretsTests
{
    [Fact]
    public void Generated_tokens_are_recognisable_random_and_stored_only_as_their_hash()
    {
        var (token, prefix, hash) = ApiTokenSecrets.Generate();
        var (other, _, _) = ApiTokenSecrets.Generate();

        Assert.StartsWith("mxt_", token, StringComparison.Ordinal);
        Assert.Equal(47, token.Length);
        Assert.NotEqual(token, other);
        Assert.Equal(token[..12], prefix);
        Assert.Equal(32, hash.Length);
        Assert.Equal(hash, ApiTokenSecrets.Hash(token));
        Assert.DoesNotContain(token[12..], Convert.ToBase64String(hash), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_exact_token_matches_its_hash()
    {
        var (token, _, hash) = ApiTokenSecrets.Generate();
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.True(ApiTokenSecrets.Matches(token, hash));
        Assert.False(ApiTokenSecrets.Matches(tampered, hash));
        Assert.False(ApiTokenSecrets.Matches(token.ToUpperInvariant(), hash));
    }

    [Fact]
    public void A_well_formed_token_yields_its_lookup_prefix()
    {
        var (token, prefix, _) = ApiTokenSecrets.Generate();

        Assert.Equal(prefix, ApiTokenSecrets.TryGetPrefix(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mxt_short")]
    [InlineData("ghp_0123456789012345678901234567890123456789012")]
    [InlineData("mxt_01234567890123456789012345678901234567890!?")]
    [InlineData("mxt_0123456789012345678901234567890123456789012345")]
    public void Malformed_tokens_have_no_prefix_and_are_refused_without_a_lookup(string? presented)
    {
        Assert.Null(ApiTokenSecrets.TryGetPrefix(presented));
    }
}
