using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace MxAzurePortal.Application.Support;

/// <summary>
/// Takes secrets out of log text before it leaves the portal. Key names stay so the log still reads
/// (<c>password=[REDACTED]</c>); when in doubt a value is masked, because a leaked secret costs more than a hidden word.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    public const string PrivateKeyMask = "[REDACTED PRIVATE KEY]";

    // A key name is secret when it ends in one of these: DB_PASSWORD, clientSecret, x-api-key, aws_secret_access_key.
    private const string SecretKeyNames =
        "password|passwd|pwd|passphrase|secret|secret[_-]?key|api[_-]?key|access[_-]?key|account[_-]?key"
        + "|private[_-]?key|subscription[_-]?key|token|auth";

    private const string NotMaskedYet = @"(?!\\?[""']?\[REDACTED)";

    // A line of a PEM body, possibly after a log prefix: ends in a long run of base64.
    private const string PemBodyLine = @"[^\r\n]{0,80}?[A-Za-z0-9+/]{40,}={0,2}[ \t]*\r?(?=\n|\z)";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var result = MaskKeysWithoutBegin(PrivateKeyBlock().Replace(text, PrivateKeyMask));
        result = AuthorizationHeader().Replace(result, "${key}${scheme}" + Mask);
        result = UrlPassword().Replace(result, "${prefix}" + Mask);
        result = ConnectionStringPassword().Replace(result, "${key}" + Mask);
        result = XmlElement().Replace(result, "${open}" + Mask + "${close}");
        result = KeyValue().Replace(result, "${key}${quote}" + Mask);
        result = CommandLineOption().Replace(result, "${key}" + Mask);
        result = SqlPassword().Replace(result, "${key}" + Mask);
        result = BearerToken().Replace(result, "${scheme}" + Mask);
        result = BasicCredentials().Replace(result, m => LooksLikeUserAndPassword(m.Groups["value"].Value) ? m.Groups["scheme"].Value + Mask : m.Value);
        result = SasSignature().Replace(result, "${key}" + Mask);
        return KnownTokenFormat().Replace(result, Mask);
    }

    /// <summary>
    /// The end of <paramref name="text"/> that fits in <paramref name="maxBytes"/> of UTF-8, in whole lines, after one line
    /// saying how many earlier lines were left out. The most recent lines are the ones support needs.
    /// </summary>
    public static string Cap(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var trailingNewline = text.EndsWith('\n');
        var lines = (trailingNewline ? text[..^1] : text).Split('\n');

        // Each kept line costs its bytes plus the newline before it; the size only grows as lines are added.
        long size = trailingNewline ? 1 : 0;
        var first = lines.Length;
        while (first > 0)
        {
            var next = size + Encoding.UTF8.GetByteCount(lines[first - 1]) + 1;
            if (next + Encoding.UTF8.GetByteCount(OmittedLine(first - 1)) > maxBytes)
            {
                break;
            }

            size = next;
            first--;
        }

        var kept = lines.AsSpan(first);
        var omitted = OmittedLine(first);
        if (kept.IsEmpty && Encoding.UTF8.GetByteCount(omitted) + (trailingNewline ? 1 : 0) > maxBytes)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(omitted);
        foreach (var line in kept)
        {
            builder.Append('\n').Append(line);
        }

        return (trailingNewline ? builder.Append('\n') : builder).ToString();
    }

    // The start of a key cut off by the start of the log window: the END line and the body lines right above it.
    // Walked back line by line in code, because a regex for it would retry the whole run of lines at every line.
    // A lone END line is left alone, so that line-by-line redaction does not hide the end of a block from a later pass.
    private static string MaskKeysWithoutBegin(string text)
    {
        var builder = new StringBuilder();
        var copied = 0;
        for (var end = PrivateKeyEnd().Match(text); end.Success; end = end.NextMatch())
        {
            var lineStart = text.LastIndexOf('\n', end.Index) + 1;
            var start = lineStart;
            while (start > 1 && start > copied && text.LastIndexOf('\n', start - 2) + 1 is var above && above >= copied
                && PrivateKeyBodyLine().IsMatch(text.AsSpan(above, start - 1 - above)))
            {
                start = above;
            }

            if (start < lineStart)
            {
                builder.Append(text, copied, start - copied).Append(PrivateKeyMask);
                copied = end.Index + end.Length;
            }
        }

        return copied == 0 ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static string OmittedLine(int count) => string.Create(
        CultureInfo.InvariantCulture,
        $"[... {count} earlier {(count == 1 ? "line" : "lines")} omitted to stay within the size limit ...]");

    // "Basic" is also an ordinary word; only a value that decodes to user:password is a credential.
    private static bool LooksLikeUserAndPassword(string base64)
    {
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return false;
        }

        var decoded = bytes.AsSpan(0, written);
        return Utf8.IsValid(decoded) && decoded.Contains((byte)':') && !decoded.ContainsAnyInRange((byte)0, (byte)31);
    }

    // The lazy scan for the end stops at the next BEGIN, so many unterminated blocks stay linear.
    // A whole block, one whose end fell outside the log window, or one written on one line with \n escapes (a JSON
    // string) whose end was cut off with the rest of a long line.
    [GeneratedRegex(
        @"-----BEGIN[A-Z0-9 ]*" + PrivateKeyWords + @"(?:(?!-----BEGIN)[\s\S]){0,8000}?-----END[A-Z0-9 ]*" + PrivateKeyWords
        + @"|-----BEGIN[A-Z0-9 ]*" + PrivateKeyWords + @"[ \t]*(?:\r?\n" + PemBodyLine + ")+"
        + @"|-----BEGIN[A-Z0-9 ]*" + PrivateKeyWords + @"(?:(?:\\r)?\\n[A-Za-z0-9+/=]+)+",
        RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"-----END[A-Z0-9 ]*" + PrivateKeyWords, RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyEnd();

    // PEM's "PRIVATE KEY" and OpenPGP's "PRIVATE KEY BLOCK".
    private const string PrivateKeyWords = "PRIVATE KEY(?: BLOCK)?-----";

    [GeneratedRegex(@"\A[^\r\n]{0,80}?[A-Za-z0-9+/]{40,}={0,2}[ \t]*\r?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyBodyLine();

    [GeneratedRegex(
        @"(?<key>\b(?:proxy-)?authorization(?:\\?[""'])?[ \t]*[:=][ \t]*(?:\\?[""'])?)"
        + @"(?:(?<scheme>(?:bearer|basic|token)[ \t]+)(?!\[REDACTED)[^\s""'\\,;]+"
        + @"|(?<scheme>)(?!(?:\w+[ \t]+)?\[REDACTED)[^\s""'\\][^\r\n""'\\]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(
        @"(?<prefix>\b[a-z][a-z0-9+.-]{0,31}://[^\s:/@?#]*:)(?!\[REDACTED)[^\s/?#]+(?=@)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlPassword();

    // Inside a connection string a password runs to the next ';', spaces included.
    [GeneratedRegex(
        @"(?<key>(?<=;[ \t]*)(?:password|pwd)[ \t]*=[ \t]*)(?!\[REDACTED|[""'])[^;\s][^;\r\n]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(
        @"(?<open><(?<tag>[\w.:-]*?(?:" + SecretKeyNames + @"))(?:\s[^>]*)?>)(?!\[REDACTED)[^<\r\n]+(?<close></\k<tag>>)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex XmlElement();

    // key=value, key: value, "key": "value", \"key\":\"value\" (JSON inside a JSON string), :key => 'value',
    // key%3Dvalue (a URL-encoded query).
    [GeneratedRegex(
        @"(?<key>(?<![\w.-])[\w.-]*?(?:" + SecretKeyNames + @")(?:\\?[""'])?[ \t]*(?:=>|[:=]|%3[Dd])[ \t]*)" + NotMaskedYet
        + @"(?:(?<quote>\\"")(?:(?!\\"")[^\r\n])+(?=\\"")"
        + @"|(?<quote>"")(?:\\.|[^""\\\r\n])+(?="")"
        + @"|(?<quote>')[^'\r\n]+(?=')"
        + @"|(?<quote>)(?:[^\s;&""',<>}\]]|,(?![\s""']))+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex KeyValue();

    // PostgreSQL's CREATE USER / ALTER ROLE ... [ENCRYPTED] PASSWORD 'secret', as its statement log shows them.
    [GeneratedRegex(
        @"(?<key>\bPASSWORD[ \t]+')(?!\[REDACTED)(?:''|[^'\r\n])+(?=')",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SqlPassword();

    [GeneratedRegex(
        @"(?<key>(?<![\w-])--?[\w-]*?(?:" + SecretKeyNames + @")[ \t]+)(?!-|\[REDACTED)(?:""[^""\r\n]*""|'[^'\r\n]*'|\S+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CommandLineOption();

    // Outside a header, "Bearer" is often just a word; a token is long and has a digit.
    [GeneratedRegex(
        @"(?<scheme>\bbearer[ \t]+)(?=[A-Za-z._~+/-]*\d)[A-Za-z0-9._~+/-]{16,}=*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BearerToken();

    [GeneratedRegex(
        @"(?<scheme>\bbasic[ \t]+)(?<value>[A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BasicCredentials();

    // The signature of an Azure SAS; sv, se, sp and sr say what it grants and may stay. In a URL that is itself
    // URL-encoded, or in a JSON string, the separator before it is %26 or \u0026; inside an encoded signature
    // only the escapes of +, / and = occur.
    [GeneratedRegex(
        @"(?<key>(?:(?<![\w-])|(?<=\\u0026|%26|%3F))sig(?:=|%3D|\\u003[dD]))(?!\[REDACTED)(?:%2[BbFf]|%3[Dd]|[^&%\\\s""'<>;,])+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SasSignature();

    // Secrets recognisable without a key name: JWTs, GitHub and Slack tokens, AWS access key ids,
    // Azure storage account keys (64 bytes in base64) and Entra ID client secrets.
    [GeneratedRegex(
        @"(?:\b|(?<=%[0-9A-Fa-f]{2}))eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"
        + @"|\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{22,}\b"
        + @"|\bxox[baprs]-[A-Za-z0-9-]{10,}"
        + @"|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"
        + @"|(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])"
        + @"|(?<![\w~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex KnownTokenFormat();
}
