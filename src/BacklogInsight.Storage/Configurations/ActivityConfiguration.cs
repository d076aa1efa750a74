using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Connection>().WithMany().HasForeignKey(a => a.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        // A source's activity keys are unique within their item (Jira's history and comment ids, Azure DevOps' revision
        // numbers), so one unique index serves both the insert's conflict check and a work item's activities: a second
        // index on (connection, item) cost every insert another B-tree write.
        builder.HasIndex(a => new { a.ConnectionId, a.WorkItemSourceId, a.SourceKey }).IsUnique();
        builder.Property(a => a.TeamSourceId).HasMaxLength(100);
        builder.Property(a => a.Week).HasConversion(new IsoWeekConverter());
        // One index for a team's weeks (counts, reports) and, scanning it, a team's times; each index whose order is
        // not the order of arrival costs a sync a write of a random page per activity (see the Storage README).
        builder.HasIndex(a => new { a.ConnectionId, a.TeamSourceId, a.Week, a.OccurredAt });
        builder.Property(a => a.SourceKey).HasMaxLength(200);
        builder.Property(a => a.WorkItemSourceId).HasMaxLength(100);
        builder.Property(a => a.ActorSourceId).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Field).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.SourceField).HasMaxLength(200);
        builder.Property(a => a.Text).HasMaxLength(Activity.MaxTextLength);
        builder.OwnsOne(a => a.Classification, classification =>
        {
            classification.Property(c => c.Class).HasColumnName("Class").HasConversion<string>().HasMaxLength(20);
            classification.Property(c => c.Confidence).HasColumnName("Confidence");
            classification.Property(c => c.RuleId).HasColumnName("RuleId").HasMaxLength(100);
            classification.Property(c => c.TaxonomyVersion).HasColumnName("TaxonomyVersion").HasMaxLength(40);
            classification.Property(c => c.Reasons).HasColumnName("Reasons")
                .HasConversion(StringListConversion.Converter, StringListConversion.Comparer);
        });
    }
}
