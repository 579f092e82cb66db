using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.UnitTests.Application.Deployments;

public sealed class MendixVersionTests
{
    [Theory]
    [InlineData("10.10.0.12345", 10, 10, 0, 12345)]
    [InlineData("10.24.3", 10, 24, 3, null)]
    [InlineData(" 11.0.1.2 ", 11, 0, 1, 2)]
    [InlineData("9.24.0.2965", 9, 24, 0, 2965)]
    public void Parses_three_and_four_part_versions(string text, int major, int minor, int patch, int? build)
    {
        Assert.True(MendixVersion.TryParse(text, out var version, out var error), error);

        Assert.Equal(new MendixVersion(major, minor, patch, build), version);
        Assert.Equal(text.Trim(), version.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10.10")]
    [InlineData("10.10.0.1.2")]
    [InlineData("10.x.0")]
    [InlineData("10.10.0-beta")]
    [InlineData("v10.10.0")]
    [InlineData("10..0")]
    [InlineData("-10.10.0")]
    [InlineData("10.10.0.99999999999")]
    [InlineData("１０.10.0")]
    public void Rejects_malformed_versions_naming_the_value(string text)
    {
        Assert.False(MendixVersion.TryParse(text, out _, out var error));

        Assert.Contains($"'{text}' is not a Mendix version", error, StringComparison.Ordinal);
        Assert.Contains("10.24.3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.False(MendixVersion.TryParse(null, out _, out var error));
        Assert.Contains("is not a Mendix version", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.9.0")]
    [InlineData("10.9.5.1234")]
    [InlineData("9.24.40.1")]
    [InlineData("10.1.0")]
    public void Refuses_apps_before_10_10_naming_the_version_and_the_minimum(string text)
    {
        MendixVersion.TryParse(text, out var version, out _);

        var refusal = version.RefusalToDeploy();

        Assert.NotNull(refusal);
        Assert.Contains($"Mendix {text}", refusal, StringComparison.Ordinal);
        Assert.Contains("10.10 or later", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.10.0")]
    [InlineData("10.10.0.12345")]
    [InlineData("10.24.3")]
    [InlineData("11.0.0")]
    [InlineData("11.6.1.77")]
    public void Deploys_10_10_and_later(string text)
    {
        MendixVersion.TryParse(text, out var version, out _);

        Assert.Null(version.RefusalToDeploy());
    }

    [Fact]
    public void Compares_by_number_not_by_text()
    {
        Assert.True(new MendixVersion(10, 9, 0, null) < new MendixVersion(10, 10, 0, null));
        Assert.True(new MendixVersion(10, 10, 0, 2) > new MendixVersion(10, 10, 0, null));
        Assert.True(new MendixVersion(11, 0, 0, null) > new MendixVersion(10, 24, 9, 9));
    }
}
