using System.Text.Json;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacklogInsight.Storage.Configurations;

internal sealed class AlertRuleSettingConfiguration : IEntityTypeConfiguration<AlertRuleSetting>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<AlertRuleSetting> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Scope).HasMaxLength(40);
        builder.HasIndex(s => s.Scope).IsUnique();
        builder.Property(s => s.Overrides).HasConversion(
            overrides => JsonSerializer.Serialize(overrides, Json),
            json => JsonSerializer.Deserialize<AlertThresholdOverrides>(json, Json) ?? new AlertThresholdOverrides(),
            new ValueComparer<AlertThresholdOverrides>((a, b) => Equals(a, b), o => o.GetHashCode(), o => Copy(o)));
    }

    private static AlertThresholdOverrides Copy(AlertThresholdOverrides overrides) => overrides with { };
}
