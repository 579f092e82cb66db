using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Runs;

namespace MxAzurePortal.Infrastructure.Data.Configurations;

internal sealed class RunConfiguration : IEntityTypeConfiguration<ClusterRun>
{
    public void Configure(EntityTypeBuilder<ClusterRun> builder)
    {
        builder.ToTable("ClusterRuns");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.RequestedByUserId).HasMaxLength(450);
        builder.Property(r => r.RequestedByEmail).HasMaxLength(256);
        builder.Property(r => r.LeaseOwner).HasMaxLength(128);
        builder.Property(r => r.TargetSettings!).HasConversion(new ClusterSettingsConverter(), ClusterSettingsConverter.Comparer);
        builder.Property(r => r.Summary).HasMaxLength(4000);
        builder.Property(r => r.TargetNodePool).HasMaxLength(12);
        builder.Property(r => r.LeftoverNodePools).HasMaxLength(200);
        builder.Property(r => r.TargetKubernetesVersion).HasMaxLength(32);
        builder.Property(r => r.TargetOperatorVersion).HasMaxLength(32);
        builder.Property(r => r.TargetAgentVersion).HasMaxLength(32);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(r => r.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Steps).WithOne(s => s.Run).HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ClusterId, r.CreatedAt });
        // The workers' claim reads only the unfinished runs, oldest first. A partial index holds just those, so the poll
        // stays as cheap after years of finished runs; an index led by Status was skipped by SQLite once ANALYZE had
        // seen two distinct statuses over thousands of rows, and every poll scanned the table.
        builder.HasIndex(r => r.CreatedAt).HasDatabaseName("IX_ClusterRuns_Claimable")
            .HasFilter("[Status] IN ('Queued', 'Running')");
    }
}

internal sealed class RunStepConfiguration : IEntityTypeConfiguration<RunStep>
{
    public void Configure(EntityTypeBuilder<RunStep> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(128);
        builder.Property(s => s.DependsOn).HasMaxLength(512);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ErrorCode).HasMaxLength(128);
        builder.Property(s => s.ErrorMessage).HasMaxLength(4000);
        builder.HasIndex(s => new { s.RunId, s.Key }).IsUnique();
        builder.Ignore(s => s.Dependencies);
    }
}

internal sealed class RunStepLogConfiguration : IEntityTypeConfiguration<RunStepLog>
{
    public void Configure(EntityTypeBuilder<RunStepLog> builder)
    {
        builder.Property(l => l.Level).HasMaxLength(16);
        builder.Property(l => l.Message).HasMaxLength(4000);
        builder.HasOne<RunStep>().WithMany().HasForeignKey(l => l.StepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ClusterRun>().WithMany().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(l => new { l.StepId, l.Id });
    }
}
