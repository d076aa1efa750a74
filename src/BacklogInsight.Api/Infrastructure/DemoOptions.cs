namespace BacklogInsight.Api.Infrastructure;

/// <summary>The built-in demo organisation. Section <c>Demo</c>; <c>serve --demo</c> sets <see cref="Enabled"/>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Create the sample connection if missing and sync it at start.</summary>
    public bool Enabled { get; set; }

    /// <summary>The name of the demo connection.</summary>
    public string ConnectionName { get; set; } = "demo";

    /// <summary>The sample generator's seed: the same seed gives the same organisation.</summary>
    public int Seed { get; set; } = 42;
}
