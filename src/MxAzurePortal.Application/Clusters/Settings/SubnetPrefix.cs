using System.Globalization;

namespace MxAzurePortal.Application.Clusters.Settings;

/// <summary>An IPv4 address range in CIDR form, such as the subnet that holds a cluster's nodes and pods.</summary>
public readonly record struct SubnetPrefix(uint Network, int Length)
{
    public const int ShortestLength = 8;

    /// <summary>AKS node subnets smaller than /28 cannot hold a system pool.</summary>
    public const int LongestLength = 28;

    /// <summary>Azure keeps the first four addresses and the last one of every subnet.</summary>
    public const int AzureReservedAddresses = 5;

    public int Length { get; } = Length is >= 0 and <= 32
        ? Length
        : throw new ArgumentOutOfRangeException(nameof(Length), Length, "An IPv4 prefix length is 0 to 32.");

    // /0 and /1 hold more addresses than an int; checked turns that misuse into an exception, not a wrong count.
    public int AddressCount => checked((int)(1L << (32 - Length)));

    public int UsableAddresses => AddressCount - AzureReservedAddresses;

    public bool Overlaps(SubnetPrefix other)
    {
        var wider = MaskOf(Math.Min(Length, other.Length));
        return (Network & wider) == (other.Network & wider);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Network >> 24}.{(Network >> 16) & 255}.{(Network >> 8) & 255}.{Network & 255}/{Length}");

    public static SubnetPrefix Parse(string? text) =>
        TryParse(text, out var prefix, out var error) ? prefix : throw new FormatException(error);

    public static bool TryParse(string? text, out SubnetPrefix prefix, out string error)
    {
        prefix = default;
        error = "";
        var cidr = text?.Trim() ?? "";
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (cidr.Length == 0)
        {
            error = "Enter the subnet as an IPv4 range in CIDR form, e.g. 192.168.0.0/22.";
        }
        else if (cidr.Contains(':', StringComparison.Ordinal))
        {
            error = $"{cidr} is an IPv6 range; the subnet must be an IPv4 range such as 192.168.0.0/22.";
        }
        else if (slash < 0)
        {
            error = $"{cidr} has no prefix length: write the range as address/length, e.g. 192.168.0.0/22.";
        }
        else if (!TryParseAddress(cidr[..slash], out var address))
        {
            error = $"{cidr[..slash]} is not an IPv4 address: "
                + "write four numbers from 0 to 255 separated by periods, e.g. 192.168.0.0/22.";
        }
        else if (!TryParseNumber(cidr[(slash + 1)..], 32, out var length))
        {
            error = $"'{cidr[(slash + 1)..]}' is not a prefix length: write a number after the '/', e.g. 192.168.0.0/22.";
        }
        else if (length is < ShortestLength or > LongestLength)
        {
            error = $"{cidr} is not allowed: the prefix length must be between /{ShortestLength} and /{LongestLength}; "
                + $"AKS node subnets smaller than /{LongestLength} cannot hold a system pool.";
        }
        else if ((address & MaskOf(length)) != address)
        {
            error = $"{cidr} is not a network address: did you mean {new SubnetPrefix(address & MaskOf(length), length)}?";
        }
        else
        {
            prefix = new SubnetPrefix(address, length);
        }

        return error.Length == 0;
    }

    private static bool TryParseAddress(string text, out uint address)
    {
        address = 0;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (!TryParseNumber(part, 255, out var octet))
            {
                return false;
            }

            address = (address << 8) | (uint)octet;
        }

        return true;
    }

    private static uint MaskOf(int length) => length == 0 ? 0u : uint.MaxValue << (32 - length);

    // Leading zeros are refused because some tools read them as octal: 010 would be 8 to them and 10 to us.
    private static bool TryParseNumber(string text, int max, out int value)
    {
        value = 0;
        var valid = text.Length is >= 1 and <= 3 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0');
        return valid && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }
}
