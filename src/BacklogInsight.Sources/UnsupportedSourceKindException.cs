namespace BacklogInsight.Sources;

/// <summary>A connection names a source kind this installation does not have.</summary>
public sealed class UnsupportedSourceKindException(string kind)
    : InvalidOperationException($"No source of kind '{kind}' is available in this installation.")
{
    public string Kind { get; } = kind;
}
