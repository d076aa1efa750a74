namespace BacklogInsight.Domain.Classification;

/// <summary>A taxonomy file is malformed; the message names the section or rule and the problem.</summary>
public sealed class TaxonomyException : Exception
{
    public TaxonomyException()
    {
    }

    public TaxonomyException(string message)
        : base(message)
    {
    }

    public TaxonomyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
