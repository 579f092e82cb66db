using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Deployments;

/// <summary>
/// An uploaded Mendix deployment package of an organisation, whose Mendix version passed the gate at upload. Deployments
/// refer to it by id, so one package can go to test and then to production.
/// </summary>
public sealed class AppPackage : ITenantOwned, ITimestamped
{
    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public required string FileName { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file, sent along so Mendix on Kubernetes can check what it received.</summary>
    public required string Sha256 { get; set; }

    public required string RuntimeVersion { get; set; }

    public string? ModelVersion { get; set; }

    public required string UploadedBy { get; set; }

    public string? UploadedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The bytes of a package, apart from its description so lists never load them.</summary>
public sealed class AppPackageContent : ITenantOwned
{
    public Guid PackageId { get; set; }

    public Guid OrganisationId { get; set; }

    public required byte[] Bytes { get; set; }
}
