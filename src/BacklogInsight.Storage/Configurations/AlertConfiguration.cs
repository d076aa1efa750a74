using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Connection>().WithMany().HasForeignKey(a => a.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.RuleId).HasMaxLength(60);
        builder.Property(a => a.SubjectKey).HasMaxLength(80);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.Property(a => a.ResolvedReason).HasMaxLength(1000);
        builder.Property(a => a.Evidence).HasConversion(StringListConversion.Converter, StringListConversion.Comparer);

        // One alert per rule and subject that is not resolved: a second evaluation racing the first fails here
        // instead of opening a duplicate. Resolved alerts stay as history, any number of them.
        builder.HasIndex(a => new { a.RuleId, a.SubjectKey }).IsUnique().HasFilter("\"State\" <> 'Resolved'");
        builder.HasIndex(a => new { a.State, a.Id });
        builder.HasIndex(a => new { a.TeamId, a.Id });
    }
}
