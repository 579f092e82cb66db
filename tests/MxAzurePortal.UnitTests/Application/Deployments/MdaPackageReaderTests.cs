using System.IO.Compression;
using System.Text;
using MxAzurePortal.Application.Deployments;
using MxAzurePortal.UnitTests.Builders;

namespace MxAzurePortal.UnitTests.Application.Deployments;

public sealed class MdaPackageReaderTests
{
    private static readonly PackageLimits Limits = new(MaxMetadataBytes: 64 * 1024, MaxEntries: 100, MaxExpandedBytes: 50L * 1024 * 1024);

    [Fact]
    public void Reads_the_runtime_and_model_version_of_a_good_package()
    {
        var inspection = MdaPackageReader.Read(MdaBuilder.WithRuntime("10.24.3.51234").BuildStream(), Limits);

        Assert.Null(inspection.Problem);
        Assert.Equal(new MendixVersion(10, 24, 3, 51234), inspection.Metadata!.RuntimeVersion);
        Assert.Equal("1.0.0.42", inspection.Metadata.ModelVersion);
    }

    [Fact]
    public void Reads_metadata_saved_with_a_byte_order_mark()
    {
        var json = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"RuntimeVersion\": \"10.10.0.12345\"}")).ToArray();

        var inspection = MdaPackageReader.Read(new MdaBuilder().Entry("model/metadata.json", json).BuildStream(), Limits);

        Assert.Equal(new MendixVersion(10, 10, 0, 12345), inspection.Metadata?.RuntimeVersion);
    }

    [Fact]
    public void Refuses_a_package_without_metadata()
    {
        var inspection = MdaPackageReader.Read(new MdaBuilder().Entry("model/model.mpk", "x").BuildStream(), Limits);

        Assert.Null(inspection.Metadata);
        Assert.Contains("no model/metadata.json", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_malformed_json_with_a_clear_message()
    {
        var inspection = MdaPackageReader.Read(new MdaBuilder().Metadata("{\"RuntimeVersion\": \"10.24.3\",").BuildStream(), Limits);

        Assert.StartsWith("model/metadata.json is not valid JSON", inspection.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"ModelVersion\": \"1.0\"}")]
    [InlineData("{\"RuntimeVersion\": 10}")]
    [InlineData("[\"10.24.3\"]")]
    public void Refuses_metadata_without_a_runtime_version(string json)
    {
        var inspection = MdaPackageReader.Read(new MdaBuilder().Metadata(json).BuildStream(), Limits);

        Assert.Contains("has no RuntimeVersion", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_malformed_runtime_version_naming_it()
    {
        var inspection = MdaPackageReader.Read(MdaBuilder.WithRuntime("10.24-beta").BuildStream(), Limits);

        Assert.Contains("RuntimeVersion in model/metadata.json is malformed", inspection.Problem, StringComparison.Ordinal);
        Assert.Contains("'10.24-beta'", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_a_zip()
    {
        var inspection = MdaPackageReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("not a zip at all")), Limits);

        Assert.Contains("not a valid zip archive", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_metadata_entry_that_expands_past_the_limit_without_reading_it_all()
    {
        // 20 MB of spaces compress to a few KB: a small upload that would expand far past the limit.
        var bomb = Encoding.UTF8.GetBytes("{\"RuntimeVersion\": \"10.24.3\"" + new string(' ', 20 * 1024 * 1024) + "}");
        var inspection = MdaPackageReader.Read(new MdaBuilder().Entry("model/metadata.json", bomb, CompressionLevel.SmallestSize).BuildStream(), Limits);

        Assert.Null(inspection.Metadata);
        Assert.Contains("possible zip bomb", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_archive_that_expands_past_the_total_limit()
    {
        var big = new byte[30 * 1024 * 1024];
        var package = MdaBuilder.WithRuntime("10.24.3").Entry("web/a.bin", big, CompressionLevel.SmallestSize).Entry("web/b.bin", big, CompressionLevel.SmallestSize);

        var inspection = MdaPackageReader.Read(package.BuildStream(), Limits);

        Assert.Contains("expands to more than 50 MB", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_archives_with_too_many_entries()
    {
        var package = MdaBuilder.WithRuntime("10.24.3");
        for (var i = 0; i < 100; i++)
        {
            package.Entry($"web/{i}.js", "x");
        }

        Assert.Contains("more than the 100 allowed", MdaPackageReader.Read(package.BuildStream(), Limits).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil.sh")]
    [InlineData("web/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("web\\..\\..\\evil")]
    [InlineData("model/./metadata.json")]
    [InlineData("model//metadata.json")]
    [InlineData("./model/metadata.json")]
    public void Refuses_entries_with_unsafe_paths(string path)
    {
        var inspection = MdaPackageReader.Read(MdaBuilder.WithRuntime("10.24.3").Entry(path, "x").BuildStream(), Limits);

        Assert.Contains("unsafe path", inspection.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_two_metadata_entries()
    {
        var package = MdaBuilder.WithRuntime("10.24.3").Metadata("{\"RuntimeVersion\": \"9.0.0\"}");

        Assert.Contains("twice", MdaPackageReader.Read(package.BuildStream(), Limits).Problem, StringComparison.Ordinal);
    }
}
