using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        builder.HasKey(w => w.Id);
        builder.HasOne<Connection>().WithMany().HasForeignKey(w => w.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.ConnectionId, w.SourceId }).IsUnique();
        builder.HasIndex(w => new { w.ConnectionId, w.TeamSourceId, w.Id });
        builder.Property(w => w.SourceId).HasMaxLength(100);
        builder.Property(w => w.Key).HasMaxLength(100);
        builder.Property(w => w.Type).HasMaxLength(100);
        builder.Property(w => w.Status).HasMaxLength(100);
        builder.Property(w => w.StatusCategory).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Labels)
            .HasConversion(StringListConversion.Converter, StringListConversion.Comparer);
    }
}
