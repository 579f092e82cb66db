using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Infrastructure.Data.Configurations;

internal sealed class SupportTicketConfiguration : IEntityTypeConfiguration<SupportTicket>
{
    public void Configure(EntityTypeBuilder<SupportTicket> builder)
    {
        builder.Property(t => t.Subject).HasMaxLength(SupportTicket.SubjectMaxLength);
        builder.Property(t => t.Description).HasMaxLength(32000);
        builder.Property(t => t.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.CreatedByUserId).HasMaxLength(450);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(t => t.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ClusterId, t.CreatedAt });
        // One automatic ticket per failed run, whatever races happen.
        builder.HasIndex(t => t.RunId).IsUnique().HasFilter("[RunId] IS NOT NULL");
    }
}

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> builder)
    {
        builder.ToTable("ActivityLog");
        builder.Property(a => a.ClusterName).HasMaxLength(64);
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.FromAddress).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Summary).HasMaxLength(4000);
        builder.HasIndex(a => new { a.OrganisationId, a.ClusterId, a.At });
    }
}
