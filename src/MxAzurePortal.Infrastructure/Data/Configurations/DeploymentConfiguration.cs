using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxAzurePortal.Application.ApiTokens;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Infrastructure.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Hash).HasMaxLength(32);
        builder.Property(t => t.Scopes).HasConversion<string>().HasMaxLength(64);
        builder.HasIndex(t => t.Prefix);
        builder.HasIndex(t => new { t.UserId, t.CreatedAt });
    }
}

internal sealed class AppEnvironmentConfiguration : IEntityTypeConfiguration<AppEnvironment>
{
    public void Configure(EntityTypeBuilder<AppEnvironment> builder)
    {
        builder.ToTable("Environments");
        builder.Property(e => e.Name).HasMaxLength(AppEnvironment.NameMaxLength);
        builder.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.DeployedRuntimeVersion).HasMaxLength(64);
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(e => e.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ClusterId, e.Name }).IsUnique();
    }
}

internal sealed class AppPackageConfiguration : IEntityTypeConfiguration<AppPackage>
{
    public void Configure(EntityTypeBuilder<AppPackage> builder)
    {
        builder.ToTable("Packages");
        builder.Property(p => p.FileName).HasMaxLength(AppPackage.FileNameMaxLength);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.RuntimeVersion).HasMaxLength(64);
        builder.Property(p => p.ModelVersion).HasMaxLength(64);
        builder.Property(p => p.UploadedBy).HasMaxLength(256);
        builder.Property(p => p.UploadedByUserId).HasMaxLength(450);
        builder.HasIndex(p => new { p.OrganisationId, p.CreatedAt });
    }
}

internal sealed class AppPackageContentConfiguration : IEntityTypeConfiguration<AppPackageContent>
{
    public void Configure(EntityTypeBuilder<AppPackageContent> builder)
    {
        builder.ToTable("PackageContents");
        builder.HasKey(c => c.PackageId);
        builder.HasOne<AppPackage>().WithOne().HasForeignKey<AppPackageContent>(c => c.PackageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeploymentJobConfiguration : IEntityTypeConfiguration<DeploymentJob>
{
    public void Configure(EntityTypeBuilder<DeploymentJob> builder)
    {
        builder.Property(j => j.EnvironmentName).HasMaxLength(AppEnvironment.NameMaxLength);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Stage).HasConversion<string>().HasMaxLength(24);
        builder.Property(j => j.RuntimeVersion).HasMaxLength(64);
        builder.Property(j => j.RequestedBy).HasMaxLength(256);
        builder.Property(j => j.RequestedByUserId).HasMaxLength(450);
        builder.Property(j => j.Progress).HasMaxLength(1000);
        builder.Property(j => j.LastError).HasMaxLength(2000);
        // Fencing: a worker writes its job only while the lease is still its own; one that lost it (a call that outlasted
        // the lease) writes nothing over the worker that took the job on.
        builder.Property(j => j.LeaseOwner).HasMaxLength(128).IsConcurrencyToken();
        builder.Ignore(j => j.IsActive);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(j => j.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.ClusterId, j.CreatedAt });
        builder.HasIndex(j => new { j.FinishedAt, j.NextAttemptAt });
        // One unfinished job per environment, whatever races happen.
        builder.HasIndex(j => j.EnvironmentId).IsUnique().HasFilter("[FinishedAt] IS NULL");
    }
}
