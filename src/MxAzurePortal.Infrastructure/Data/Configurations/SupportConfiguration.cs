using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxAzurePortal.Application.Access;
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
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.ZendeskStatus).HasMaxLength(16);
        builder.Property(t => t.RequesterEmail).HasMaxLength(256);
        builder.HasIndex(t => t.ZendeskTicketId);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(t => t.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ClusterId, t.CreatedAt });

        // Staff read every organisation's tickets newest first, optionally of one status.
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        // The staff's landing page lists the open automatic tickets, newest first. They are few among every ticket ever
        // opened; without an index of just those, the page walked all tickets by date to find them (39 ms with 100,000).
        builder.HasIndex(t => t.CreatedAt, "IX_SupportTickets_OpenAutomatic")
            .HasFilter("[Source] = 'Automatic' AND [Status] <> 'Solved'");
        // One automatic ticket per failed run, whatever races happen.
        builder.HasIndex(t => t.RunId).IsUnique().HasFilter("[RunId] IS NOT NULL");
    }
}

internal sealed class TicketDeliveryConfiguration : IEntityTypeConfiguration<TicketDelivery>
{
    public void Configure(EntityTypeBuilder<TicketDelivery> builder)
    {
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.Property(d => d.LeaseOwner).HasMaxLength(128);
        builder.HasOne<SupportTicket>().WithMany().HasForeignKey(d => d.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.TicketId).IsUnique();
        builder.HasIndex(d => new { d.DeliveredAt, d.NextAttemptAt });
    }
}

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> builder)
    {
        // A grant's status moves under several hands (the customer approves, denies or revokes, staff start it, time
        // ends it); each move is written only over the status it was decided on, so none silently undoes another.
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(g => g.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.RequestedBy).HasMaxLength(256);
        builder.Property(g => g.RequestedByUserId).HasMaxLength(450);
        builder.Property(g => g.DecidedBy).HasMaxLength(256);
        builder.Property(g => g.DecidedByUserId).HasMaxLength(450);
        builder.Property(g => g.ActivatedBy).HasMaxLength(256);
        builder.Property(g => g.EndedBy).HasMaxLength(256);
        builder.Property(g => g.Reason).HasMaxLength(500);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(g => g.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SupportTicket>().WithMany().HasForeignKey(g => g.TicketId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(g => new { g.ClusterId, g.Status });
        builder.HasIndex(g => new { g.Status, g.RequestedAt });
    }
}

internal sealed class SyncCursorConfiguration : IEntityTypeConfiguration<SyncCursor>
{
    public void Configure(EntityTypeBuilder<SyncCursor> builder)
    {
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(64);
        builder.Property(c => c.Cursor).HasMaxLength(1000);

        // Instances race to move the cursor; the one whose read is stale gives way (TicketSync).
        builder.Property(c => c.Version).IsConcurrencyToken();
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
        // A cluster's entries newest first. Not led by the organisation: the tenant filter is a range of organisation
        // ids, after which SQLite cannot use a second column, so it read every entry of the organisation and sorted.
        builder.HasIndex(a => new { a.ClusterId, a.At });
        builder.HasIndex(a => a.AccessGrantId);
    }
}
