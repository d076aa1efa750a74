using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Workers.Organisation;

/// <summary>The organisation's own calendar. Section <c>Organisation</c>.</summary>
public sealed class OrganisationOptions : IValidatableObject
{
    public const string SectionName = "Organisation";

    /// <summary>
    /// IANA time zone (e.g. <c>Europe/Berlin</c>) in which weeks start: role balance and reports use ISO weeks of
    /// this zone. Changing it later needs the counts rebuilt (the reclassification job does it).
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Organisation:TimeZone '{TimeZone}' is not a known time zone (use an IANA id such as Europe/Berlin).", [nameof(TimeZone)]);
        }
    }
}
