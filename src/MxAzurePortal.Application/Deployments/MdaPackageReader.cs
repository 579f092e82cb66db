using System.IO.Compression;
using System.Text.Json;

namespace MxAzurePortal.Application.Deployments;

/// <summary>What a package says about itself, from <c>model/metadata.json</c>.</summary>
public sealed record PackageMetadata(MendixVersion RuntimeVersion, string? ModelVersion);

/// <summary>The package's metadata, or why the package is refused, in words the uploader can act on.</summary>
public sealed record PackageInspection(PackageMetadata? Metadata, string? Problem);

/// <summary>How much of an archive the reader trusts before refusing it as a possible zip bomb.</summary>
public sealed record PackageLimits(long MaxMetadataBytes, int MaxEntries, long MaxExpandedBytes);

/// <summary>
/// Reads a Mendix deployment package (<c>.mda</c>, a zip archive) without unpacking it: refuses archives with unsafe entry
/// paths, too many entries or too large an expanded size, and reads only <c>model/metadata.json</c>, never more bytes of it
/// than the limit, whatever its header claims.
/// </summary>
public static class MdaPackageReader
{
    public const string MetadataPath = "model/metadata.json";

    public static PackageInspection Read(Stream archive, PackageLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                return Refuse($"The package has {zip.Entries.Count} files, more than the {limits.MaxEntries} allowed.");
            }

            long expanded = 0;
            ZipArchiveEntry? metadata = null;
            foreach (var entry in zip.Entries)
            {
                var path = entry.FullName.Replace('\\', '/');
                if (IsUnsafe(path))
                {
                    return Refuse($"The package contains a file with an unsafe path ('{Shorten(entry.FullName)}'); it is not a package Studio Pro built.");
                }

                expanded += entry.Length;
                if (expanded > limits.MaxExpandedBytes)
                {
                    return Refuse($"The package expands to more than {limits.MaxExpandedBytes / (1024 * 1024)} MB; it is refused as a possible zip bomb.");
                }

                if (string.Equals(path, MetadataPath, StringComparison.OrdinalIgnoreCase))
                {
                    if (metadata is not null)
                    {
                        return Refuse($"The package contains {MetadataPath} twice.");
                    }

                    metadata = entry;
                }
            }

            return metadata is null
                ? Refuse($"The package has no {MetadataPath}, so its Mendix version cannot be read. Build the package with Studio Pro (File > Create Deployment Package).")
                : ReadMetadata(metadata, limits);
        }
        catch (InvalidDataException)
        {
            return Refuse("The file is not a Mendix deployment package: it is not a valid zip archive (.mda).");
        }
    }

    private static PackageInspection ReadMetadata(ZipArchiveEntry entry, PackageLimits limits)
    {
        if (entry.Length > limits.MaxMetadataBytes)
        {
            return Refuse($"{MetadataPath} is larger than {limits.MaxMetadataBytes / 1024} KB; it is refused as a possible zip bomb.");
        }

        // The declared length may lie: read through a cap one byte past the limit.
        using var content = entry.Open();
        var buffer = new byte[limits.MaxMetadataBytes + 1];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = content.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += chunk;
        }

        if (read > limits.MaxMetadataBytes)
        {
            return Refuse($"{MetadataPath} expands to more than {limits.MaxMetadataBytes / 1024} KB; it is refused as a possible zip bomb.");
        }

        // Files saved by Windows tools may start with a UTF-8 byte order mark, which is not JSON.
        var start = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(buffer.AsMemory(start, read - start), new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException exception)
        {
            return Refuse($"{MetadataPath} is not valid JSON ({exception.Message}).");
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("RuntimeVersion", out var runtime) || runtime.ValueKind != JsonValueKind.String)
            {
                return Refuse($"{MetadataPath} has no RuntimeVersion, so the app's Mendix version is unknown. Build the package with Studio Pro 10.10 or later.");
            }

            if (!MendixVersion.TryParse(runtime.GetString(), out var version, out var error))
            {
                return Refuse($"The RuntimeVersion in {MetadataPath} is malformed: {error}");
            }

            var model = json.RootElement.TryGetProperty("ModelVersion", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return new PackageInspection(new PackageMetadata(version, model is { Length: > 64 } ? model[..64] : model), null);
        }
    }

    /// <summary>
    /// Absolute, drive-rooted, climbing or NUL paths, and paths with empty or '.' segments: an extractor reads
    /// model/./metadata.json as model/metadata.json, so a second copy could hide behind the name compared here.
    /// </summary>
    private static bool IsUnsafe(string path) =>
        path.StartsWith('/') || (path.Length > 1 && path[1] == ':') || path.Contains('\0', StringComparison.Ordinal)
        || path.TrimEnd('/').Split('/').Any(segment => segment is "" or "." or "..");

    private static PackageInspection Refuse(string problem) => new(null, problem);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
