using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasOne<Connection>().WithMany().HasForeignKey(t => t.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ConnectionId, t.SourceId }).IsUnique();
        builder.Property(t => t.SourceId).HasMaxLength(100);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.OwnerSourceId).HasMaxLength(200);
    }
}
