using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.UnitTests.Infrastructure.Data;

public sealed class UtcTicksConverterTests
{
    private readonly UtcTicksConverter converter = new();

    [Fact]
    public void Stores_the_same_instant_the_same_way_whatever_its_offset()
    {
        var utc = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var amsterdam = utc.ToOffset(TimeSpan.FromHours(1));

        Assert.Equal(converter.ConvertToProvider(utc), converter.ConvertToProvider(amsterdam));
    }

    [Fact]
    public void Reads_back_the_instant_in_UTC()
    {
        var original = new DateTimeOffset(2026, 6, 1, 8, 15, 30, TimeSpan.FromHours(-7)).AddTicks(1234);

        var back = (DateTimeOffset)converter.ConvertFromProvider(converter.ConvertToProvider(original))!;

        Assert.Equal(original, back);
        Assert.Equal(TimeSpan.Zero, back.Offset);
    }

    [Fact]
    public void Later_instants_store_larger_numbers_across_offsets()
    {
        var earlier = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(5));
        var later = new DateTimeOffset(2026, 1, 1, 6, 0, 1, TimeSpan.Zero);

        Assert.True((long)converter.ConvertToProvider(later)! > (long)converter.ConvertToProvider(earlier)!);
    }
}
