using System.Globalization;

namespace MxAzurePortal.Application.Deployments;

/// <summary>
/// A Mendix runtime version as packages carry it: three or four numbers, e.g. <c>10.24.3</c> or <c>10.10.0.12345</c>
/// (major, minor, patch, build). Compared by number, so 10.9 is older than 10.10.
/// </summary>
public readonly record struct MendixVersion(int Major, int Minor, int Patch, int? Build) : IComparable<MendixVersion>
{
    /// <summary>The oldest Mendix that Mendix on Azure deploys.</summary>
    public static readonly MendixVersion MinimumDeployable = new(10, 10, 0, null);

    public static bool TryParse(string? text, out MendixVersion version, out string error)
    {
        version = default;
        var value = text?.Trim() ?? "";
        var parts = value.Split('.');
        var numbers = new int[parts.Length];
        var wellFormed = value.Length is > 0 and <= 64 && parts.Length is 3 or 4;
        for (var i = 0; wellFormed && i < parts.Length; i++)
        {
            wellFormed = parts[i].Length is > 0 and <= 9 && parts[i].All(char.IsAsciiDigit)
                && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]);
        }

        if (!wellFormed)
        {
            error = $"'{Shorten(text ?? "")}' is not a Mendix version: expected three or four numbers separated by dots, e.g. 10.24.3 or 10.10.0.12345.";
            return false;
        }

        version = new MendixVersion(numbers[0], numbers[1], numbers[2], numbers.Length == 4 ? numbers[3] : null);
        error = "";
        return true;
    }

    /// <summary>Null when the version may be deployed; otherwise why not, naming the version found and the minimum.</summary>
    public string? RefusalToDeploy() => CompareTo(MinimumDeployable) >= 0
        ? null
        : $"This app is built with Mendix {this}; Mendix on Azure deploys only apps on Mendix {MinimumDeployable.Major}.{MinimumDeployable.Minor} or later. " +
          $"Upgrade the app to Mendix {MinimumDeployable.Major}.{MinimumDeployable.Minor} or later in Studio Pro and build a new package.";

    public int CompareTo(MendixVersion other)
    {
        var byPart = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        return byPart != 0 ? byPart : (Build ?? 0).CompareTo(other.Build ?? 0);
    }

    public static bool operator <(MendixVersion left, MendixVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(MendixVersion left, MendixVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(MendixVersion left, MendixVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(MendixVersion left, MendixVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => Build is { } build
        ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}.{build}")
        : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
