using BacklogInsight.Storage.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BacklogInsight.Storage.Configurations;

internal sealed class NotificationChannelConfiguration : IEntityTypeConfiguration<NotificationChannel>
{
    public void Configure(EntityTypeBuilder<NotificationChannel> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.TeamIds).HasConversion((ValueConverter)JsonListConversion<long>.Converter, JsonListConversion<long>.Comparer);
        builder.Property(c => c.RuleIds).HasConversion((ValueConverter)JsonListConversion<string>.Converter, JsonListConversion<string>.Comparer);
        builder.Property(c => c.Events).HasConversion(JsonListConversion<string>.Converter, JsonListConversion<string>.Comparer);
    }
}
