using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasOne<Connection>().WithMany().HasForeignKey(p => p.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ConnectionId, p.SourceId }).IsUnique();
        builder.Property(p => p.SourceId).HasMaxLength(200);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
    }
}
