using BacklogInsight.Storage.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class NotificationAttemptConfiguration : IEntityTypeConfiguration<NotificationAttempt>
{
    public void Configure(EntityTypeBuilder<NotificationAttempt> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<NotificationDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
        builder.Property(a => a.Reply).HasMaxLength(500);
        builder.Property(a => a.Error).HasMaxLength(1000);
    }
}
