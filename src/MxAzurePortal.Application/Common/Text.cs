namespace MxAzurePortal.Application.Common;

public static class Text
{
    /// <summary>The text cut to fit a column of <paramref name="length"/> characters, with an ellipsis where it was cut.</summary>
    public static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
