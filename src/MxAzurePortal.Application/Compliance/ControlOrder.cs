namespace MxAzurePortal.Application.Compliance;

/// <summary>Orders control ids as people read them: A1.2, CC6.1, CC6.2, CC6.10, CC7.1.</summary>
public sealed class ControlOrder : IComparer<string>
{
    public static readonly ControlOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var (xLetters, xNumbers) = Split(x ?? "");
        var (yLetters, yNumbers) = Split(y ?? "");
        var byLetters = string.Compare(xLetters, yLetters, StringComparison.OrdinalIgnoreCase);
        if (byLetters != 0)
        {
            return byLetters;
        }

        for (var i = 0; i < Math.Min(xNumbers.Length, yNumbers.Length); i++)
        {
            if (xNumbers[i] != yNumbers[i])
            {
                return xNumbers[i].CompareTo(yNumbers[i]);
            }
        }

        return xNumbers.Length != yNumbers.Length
            ? xNumbers.Length.CompareTo(yNumbers.Length)
            : string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
    }

    private static (string Letters, int[] Numbers) Split(string control)
    {
        var letters = new string([.. control.TakeWhile(c => !char.IsDigit(c))]);
        var numbers = control[letters.Length..]
            .Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ToArray();
        return (letters, numbers);
    }
}
