using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>Mendix deployment packages made in memory, and the multipart forms that upload them.</summary>
public static class MdaFiles
{
    public static byte[] WithRuntime(string? version, string? metadata = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("model/metadata.json").Open(), Encoding.UTF8))
            {
                writer.Write(metadata ?? (version is null ? "{\"ModelVersion\": \"1.0.0\"}" : $"{{\"RuntimeVersion\": \"{version}\", \"ModelVersion\": \"1.0.0\"}}"));
            }

            using var model = new StreamWriter(zip.CreateEntry("model/model.mpk").Open(), Encoding.UTF8);
            model.Write("model");
        }

        return buffer.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] package, string fileName = "app.mda")
    {
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "package", fileName } };
    }
}
