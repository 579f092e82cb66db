using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class SubnetPrefixTests
{
    [Theory]
    [InlineData("192.168.0.0/22", 1024, 1019)]
    [InlineData("10.0.0.0/8", 16_777_216, 16_777_211)]
    [InlineData("10.1.2.16/28", 16, 11)]
    [InlineData(" 172.16.0.0/24 ", 256, 251)]
    public void Parses_a_network_address_and_counts_what_Azure_leaves_usable(string text, int addresses, int usable)
    {
        Assert.True(SubnetPrefix.TryParse(text, out var prefix, out var error), error);

        Assert.Equal(text.Trim(), prefix.ToString());
        Assert.Equal(addresses, prefix.AddressCount);
        Assert.Equal(usable, prefix.UsableAddresses);
    }

    [Theory]
    [InlineData("10.0.0.0/7")]
    [InlineData("10.0.0.0/0")]
    [InlineData("10.0.0.0/29")]
    [InlineData("10.0.0.0/32")]
    public void Rejects_prefix_lengths_outside_8_to_28(string text)
    {
        Assert.False(SubnetPrefix.TryParse(text, out _, out var error));
        Assert.Contains("between /8 and /28", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.168.0.1/22", "192.168.0.0/22")]
    [InlineData("192.168.3.0/22", "192.168.0.0/22")]
    [InlineData("10.0.0.16/27", "10.0.0.0/27")]
    [InlineData("10.0.0.8/28", "10.0.0.0/28")]
    [InlineData("172.16.5.0/16", "172.16.0.0/16")]
    public void Rejects_host_bits_and_suggests_the_network_address(string text, string suggestion)
    {
        Assert.False(SubnetPrefix.TryParse(text, out _, out var error));
        Assert.Equal($"{text} is not a network address: did you mean {suggestion}?", error);
    }

    [Theory]
    [InlineData("", "CIDR")]
    [InlineData("   ", "CIDR")]
    [InlineData(null, "CIDR")]
    [InlineData("fd00::/64", "IPv6")]
    [InlineData("192.168.0.0", "no prefix length")]
    [InlineData("192.168.0/24", "192.168.0 is not an IPv4 address")]
    [InlineData("1.2.3.4.5/24", "1.2.3.4.5 is not an IPv4 address")]
    [InlineData("256.0.0.0/8", "256.0.0.0 is not an IPv4 address")]
    [InlineData("a.b.c.d/24", "a.b.c.d is not an IPv4 address")]
    [InlineData("192.168.00.0/24", "192.168.00.0 is not an IPv4 address")]
    [InlineData("-1.0.0.0/8", "-1.0.0.0 is not an IPv4 address")]
    [InlineData("192.168.0.0/", "'' is not a prefix length")]
    [InlineData("192.168.0.0/abc", "'abc' is not a prefix length")]
    [InlineData("192.168.0.0/+24", "'+24' is not a prefix length")]
    public void Rejects_text_that_is_not_an_IPv4_range(string? text, string expected)
    {
        Assert.False(SubnetPrefix.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.20.0.0/16", true)]
    [InlineData("10.20.0.0/16", "10.20.0.0/16", true)]
    [InlineData("192.168.0.0/22", "192.168.3.0/24", true)]
    [InlineData("192.168.0.0/22", "192.168.4.0/24", false)]
    [InlineData("192.168.0.0/23", "192.168.2.0/23", false)]
    [InlineData("10.0.0.0/8", "11.0.0.0/8", false)]
    public void Overlaps_when_either_range_holds_an_address_of_the_other(string a, string b, bool expected)
    {
        var first = SubnetPrefix.Parse(a);
        var second = SubnetPrefix.Parse(b);

        Assert.Equal(expected, first.Overlaps(second));
        Assert.Equal(expected, second.Overlaps(first));
    }

    [Fact]
    public void Parse_throws_with_the_reason_for_text_that_is_not_a_range()
    {
        var thrown = Assert.Throws<FormatException>(() => SubnetPrefix.Parse("192.168.0.1/24"));

        Assert.Contains("did you mean 192.168.0.0/24", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(33)]
    public void Cannot_be_built_with_a_prefix_length_IPv4_does_not_have(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubnetPrefix(0, length));
}
