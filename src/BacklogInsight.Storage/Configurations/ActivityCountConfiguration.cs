using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class ActivityCountConfiguration : IEntityTypeConfiguration<ActivityCount>
{
    public void Configure(EntityTypeBuilder<ActivityCount> builder)
    {
        builder.HasKey(c => new { c.ConnectionId, c.TeamSourceId, c.Week, c.ActorSourceId, c.Class });
        builder.HasOne<Connection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        // Covering indexes for the organisation overview: every team's weekly totals, and who last did product work.
        builder.HasIndex(c => new { c.Week, c.ConnectionId, c.TeamSourceId, c.Class, c.Count });
        builder.HasIndex(c => new { c.Class, c.Week, c.ConnectionId, c.TeamSourceId, c.ActorSourceId, c.LastAt });
        builder.Property(c => c.TeamSourceId).HasMaxLength(100);
        builder.Property(c => c.ActorSourceId).HasMaxLength(200);
        builder.Property(c => c.Class).HasConversion<string>().HasMaxLength(20);
    }
}
