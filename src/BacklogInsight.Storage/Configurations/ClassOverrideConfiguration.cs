using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class ClassOverrideConfiguration : IEntityTypeConfiguration<ClassOverride>
{
    public void Configure(EntityTypeBuilder<ClassOverride> builder)
    {
        builder.HasKey(o => o.Id);
        builder.HasOne<Activity>().WithMany().HasForeignKey(o => o.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.ActivityId, o.Id });
        builder.Property(o => o.Class).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.PreviousClass).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.PreviousRuleId).HasMaxLength(100);
        builder.Property(o => o.Reason).HasMaxLength(1000);
        builder.Property(o => o.By).HasMaxLength(200);
    }
}
