using System.Security.Cryptography;
using System.Text;

namespace MxAzurePortal.Application.ApiTokens;

/// <summary>
/// Makes and checks token secrets: <c>mxt_</c> and 43 base64url characters (256 random bits). The first eight of those
/// find the row; the SHA-256 of the whole token is compared in constant time.
/// </summary>
public static class ApiTokenSecrets
{
    public const string Marker = "mxt_";
    public const int LookupLength = 8;
    private const int SecretBytes = 32;
    private const int EncodedLength = 43;

    public static (string Token, string Prefix, byte[] Hash) Generate()
    {
        var token = Marker + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return (token, PrefixOf(token), Hash(token));
    }

    /// <summary>The lookup prefix of a well-formed token; null for anything else, which is refused without a query.</summary>
    public static string? TryGetPrefix(string? presented) =>
        presented is { Length: 4 + EncodedLength } && presented.StartsWith(Marker, StringComparison.Ordinal)
            && presented.AsSpan(Marker.Length).IndexOfAnyExcept(Alphabet) < 0
            ? PrefixOf(presented)
            : null;

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string presented, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);

    private static string PrefixOf(string token) => token[..(Marker.Length + LookupLength)];

    private static readonly System.Buffers.SearchValues<char> Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
