using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Storage.Privacy;

/// <summary>How people are shown, section <c>Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Show people as stable pseudonyms ("Person 7f3a2c") instead of their names, in the API, the dashboard and the
    /// reports built from then on. The same person keeps the same pseudonym in this installation.
    /// </summary>
    public bool Pseudonymise { get; set; }

    /// <summary>
    /// Teams with fewer people acting in a week than this show no person-level view (people and their roles) for that
    /// week, only the team's totals. 0 (the default) shows every team's people.
    /// </summary>
    [Range(0, 1000)]
    public int MinimumGroupSize { get; set; }
}
