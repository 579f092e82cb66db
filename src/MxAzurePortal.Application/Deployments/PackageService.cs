using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Deployments;

/// <summary>Uploaded packages: read and gated on upload (size, archive safety, Mendix version), then kept for deployments.</summary>
public sealed class PackageService(IPortalDb db, ICurrentUser user, ActivityLog activity, IOptions<DeploymentOptions> options)
{
    public async Task<ChangeResult<PackageView>> UploadAsync(string? fileName, Stream content, CancellationToken cancellationToken)
    {
        if (user.OrganisationId is not { } organisationId)
        {
            return Problems.NotFound("Your organisation");
        }

        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? "").Trim();
        if (name.Length == 0)
        {
            name = "package.mda";
        }

        var bytes = await ReadAtMostAsync(content, options.Value.MaxPackageBytes, cancellationToken);
        if (bytes is null)
        {
            return new ChangeProblem(ProblemKind.TooLarge, "Package", $"The package is larger than {options.Value.MaxPackageMegabytes} MB, the most accepted.");
        }

        if (bytes.Length == 0)
        {
            return Problems.Invalid("Package", "The package is empty: choose a Mendix deployment package (.mda) built with Studio Pro.");
        }

        using var inspected = new MemoryStream(bytes, writable: false);
        var inspection = MdaPackageReader.Read(inspected, options.Value.Limits);
        if (inspection.Metadata is not { } metadata)
        {
            return new ChangeProblem(ProblemKind.PackageRefused, "Package", inspection.Problem!);
        }

        if (metadata.RuntimeVersion.RefusalToDeploy() is { } refusal)
        {
            return new ChangeProblem(ProblemKind.PackageRefused, "Package", refusal);
        }

        var package = new AppPackage
        {
            OrganisationId = organisationId,
            FileName = name.Length > AppPackage.FileNameMaxLength ? name[..AppPackage.FileNameMaxLength] : name,
            SizeBytes = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            RuntimeVersion = metadata.RuntimeVersion.ToString(),
            ModelVersion = metadata.ModelVersion,
            UploadedBy = Requesters.Describe(user),
            UploadedByUserId = user.UserId,
        };
        db.AppPackages.Add(package);
        db.AppPackageContents.Add(new AppPackageContent { PackageId = package.Id, OrganisationId = organisationId, Bytes = bytes });
        activity.Add(organisationId, null, "", "PackageUploaded",
            $"Package {package.FileName} (Mendix {package.RuntimeVersion}, {package.SizeBytes} bytes, SHA-256 {package.Sha256}) uploaded as {package.Id}.");
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(package.Id, cancellationToken))!;
    }

    public Task<PackageView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.AppPackages.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PackageView(p.Id, p.FileName, p.SizeBytes, p.Sha256, p.RuntimeVersion, p.ModelVersion, p.UploadedBy, p.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The package's bytes, held once: a stream that knows its length (the form's buffered file) is read straight into
    /// an array of that length; any other is copied, at most one byte past the limit. Null when past the limit.
    /// </summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream source, long max, CancellationToken cancellationToken)
    {
        if (source.CanSeek)
        {
            var length = source.Length - source.Position;
            if (length > max)
            {
                return null;
            }

            var bytes = new byte[length];
            await source.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }

        using var buffer = new MemoryStream();
        return await CopyAtMostAsync(source, buffer, max + 1, cancellationToken) > max ? null : buffer.ToArray();
    }

    private static async Task<long> CopyAtMostAsync(Stream source, Stream target, long max, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total < max && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - total)), cancellationToken)) > 0)
        {
            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            total += read;
        }

        return total;
    }
}
