namespace MxAzurePortal.Application.Common;

/// <summary>Turns user text into a LIKE pattern that matches it literally.</summary>
public static class Like
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
