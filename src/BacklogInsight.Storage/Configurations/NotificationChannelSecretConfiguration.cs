using BacklogInsight.Storage.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class NotificationChannelSecretConfiguration : IEntityTypeConfiguration<NotificationChannelSecret>
{
    public void Configure(EntityTypeBuilder<NotificationChannelSecret> builder)
    {
        builder.HasKey(s => new { s.ChannelId, s.Name });
        builder.HasOne<NotificationChannel>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Name).HasMaxLength(50);
    }
}
