using BacklogInsight.Domain.Classification;

namespace BacklogInsight.Workers.Classification;

/// <summary>Builds the installation's classifier: the built-in taxonomy or the configured file.</summary>
public static class ClassifierFactory
{
    /// <exception cref="TaxonomyException">The configured file is missing or malformed.</exception>
    public static ActivityClassifier Create(ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TaxonomyPath))
        {
            return new ActivityClassifier(TaxonomyLoader.Default, options.ServiceAccounts);
        }

        if (!File.Exists(options.TaxonomyPath))
        {
            throw new TaxonomyException($"Classification:TaxonomyPath '{options.TaxonomyPath}' does not exist.");
        }

        using var file = File.OpenRead(options.TaxonomyPath);
        return new ActivityClassifier(TaxonomyLoader.Load(file), options.ServiceAccounts);
    }
}
