using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.Infrastructure.Data.Configurations;

internal sealed class ServiceReleaseConfiguration : IEntityTypeConfiguration<ServiceRelease>
{
    public void Configure(EntityTypeBuilder<ServiceRelease> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(ServiceRelease.NameMaxLength);
        builder.Property(r => r.KubernetesVersion).HasMaxLength(32);
        builder.Property(r => r.OperatorVersion).HasMaxLength(32);
        builder.Property(r => r.AgentVersion).HasMaxLength(32);
        builder.Property(r => r.PublishedBy).HasMaxLength(256);
        builder.Property(r => r.PublishedByUserId).HasMaxLength(450);
        builder.Property(r => r.Notes).HasMaxLength(ServiceRelease.NotesMaxLength);
        builder.Ignore(r => r.Versions);
        builder.Ignore(r => r.StartsAt);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.HasIndex(r => new { r.CompletedAt, r.ScheduledOn });
    }
}

internal sealed class ClusterUpdateConfiguration : IEntityTypeConfiguration<ClusterUpdate>
{
    public void Configure(EntityTypeBuilder<ClusterUpdate> builder)
    {
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.FromKubernetesVersion).HasMaxLength(32);
        builder.Property(u => u.FromOperatorVersion).HasMaxLength(32);
        builder.Property(u => u.FromAgentVersion).HasMaxLength(32);
        builder.Property(u => u.ToKubernetesVersion).HasMaxLength(32);
        builder.Property(u => u.ToOperatorVersion).HasMaxLength(32);
        builder.Property(u => u.ToAgentVersion).HasMaxLength(32);
        builder.Property(u => u.Error).HasMaxLength(4000);
        builder.HasOne(u => u.Release).WithMany().HasForeignKey(u => u.ReleaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Cluster).WithMany().HasForeignKey(u => u.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ClusterRun>().WithMany().HasForeignKey(u => u.RunId).OnDelete(DeleteBehavior.NoAction);

        // Exactly one outcome per release and cluster, whichever instance gets there first.
        builder.HasIndex(u => new { u.ReleaseId, u.ClusterId }).IsUnique();
        builder.HasIndex(u => u.RunId).IsUnique().HasFilter("[RunId] IS NOT NULL");
        builder.HasIndex(u => new { u.ClusterId, u.Status });
    }
}
