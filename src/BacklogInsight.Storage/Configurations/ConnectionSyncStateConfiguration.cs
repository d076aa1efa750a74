using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class ConnectionSyncStateConfiguration : IEntityTypeConfiguration<ConnectionSyncState>
{
    public void Configure(EntityTypeBuilder<ConnectionSyncState> builder)
    {
        builder.HasKey(s => s.ConnectionId);
        builder.HasOne<Connection>().WithOne().HasForeignKey<ConnectionSyncState>(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.LeaseHolder).HasMaxLength(200);
    }
}
