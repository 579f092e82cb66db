using System.IO.Compression;
using System.Text;

namespace MxAzurePortal.UnitTests.Builders;

/// <summary>Mendix deployment packages (zip archives) made in memory, good and broken.</summary>
public sealed class MdaBuilder
{
    private readonly List<(string Path, byte[] Content, CompressionLevel Level)> entries = [];

    public static MdaBuilder WithRuntime(string version) =>
        new MdaBuilder().Metadata($$"""{"RuntimeVersion": "{{version}}", "ModelVersion": "1.0.0.42"}""").Entry("model/model.mpk", "model");

    public MdaBuilder Metadata(string json) => Entry("model/metadata.json", json);

    public MdaBuilder Entry(string path, string content) => Entry(path, Encoding.UTF8.GetBytes(content));

    public MdaBuilder Entry(string path, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        entries.Add((path, content, level));
        return this;
    }

    public byte[] Build()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content, level) in entries)
            {
                using var stream = zip.CreateEntry(path, level).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public MemoryStream BuildStream() => new(Build());
}
