namespace BacklogInsight.Workers.Classification;

/// <summary>How activities are classified. Section <c>Classification</c>.</summary>
public sealed class ClassificationOptions
{
    public const string SectionName = "Classification";

    /// <summary>
    /// A taxonomy file that replaces the built-in one (same schema as <c>taxonomy.v1.json</c> in Domain).
    /// Empty: the built-in taxonomy. A malformed file stops start-up with a message naming the rule and the problem.
    /// </summary>
    public string? TaxonomyPath { get; set; }

    /// <summary>Display names of service accounts whose actions are automation (classified "other").</summary>
    public IList<string> ServiceAccounts { get; } = [];

    /// <summary>Activities reclassified per transaction when the taxonomy version changes.</summary>
    public int ReclassifyBatchSize { get; set; } = 2000;
}
