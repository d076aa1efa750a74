using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class SprintConfiguration : IEntityTypeConfiguration<Sprint>
{
    public void Configure(EntityTypeBuilder<Sprint> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Connection>().WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ConnectionId, s.SourceId }).IsUnique();
        builder.Property(s => s.SourceId).HasMaxLength(100);
        builder.Property(s => s.TeamSourceId).HasMaxLength(100);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.State).HasMaxLength(20);
    }
}
