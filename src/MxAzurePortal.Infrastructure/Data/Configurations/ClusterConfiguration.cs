using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Infrastructure.Data.Configurations;

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Cluster.NameMaxLength);
        builder.Property(c => c.Region).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrganisationId, c.Name }).IsUnique();
        builder.HasIndex(c => new { c.OrganisationId, c.Status });
        builder.Property(c => c.Settings).HasConversion(new ClusterSettingsConverter(), ClusterSettingsConverter.Comparer);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.NodePoolName).HasMaxLength(12);
        builder.Property(c => c.KubernetesVersion).HasMaxLength(32);
        builder.Property(c => c.OperatorVersion).HasMaxLength(32);
        builder.Property(c => c.AgentVersion).HasMaxLength(32);

        // The staff list across customers pages through all clusters by name, optionally of one status; the search
        // matches name and region inside this index, so it never reads the cluster rows it skips.
        builder.HasIndex(c => new { c.Name, c.Id, c.Region, c.OrganisationId }).HasDatabaseName("IX_Clusters_Name_Search");
        builder.HasIndex(c => new { c.Status, c.Name });
    }
}
