using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class ConnectionSecretConfiguration : IEntityTypeConfiguration<ConnectionSecret>
{
    public void Configure(EntityTypeBuilder<ConnectionSecret> builder)
    {
        builder.HasKey(s => new { s.ConnectionId, s.Name });
        builder.HasOne<Connection>().WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Name).HasMaxLength(50);
    }
}
