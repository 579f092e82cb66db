namespace MxAzurePortal.Web.Pages;

/// <summary>
/// The text of the lists' search boxes. A box takes at most <see cref="MaxLength"/> characters; a longer value in the
/// query string is cut to that length rather than refused, so a pasted link still opens its list.
/// </summary>
public static class SearchText
{
    public const int MaxLength = 100;

    public static string? Limit(string? text) => text is { Length: > MaxLength } ? text[..MaxLength] : text;
}
