using System.Runtime.CompilerServices;

namespace BacklogInsight.Domain.Classification;

/// <summary>The summed cue weights of one text, one slot per <see cref="CueSet"/>.</summary>
[InlineArray(Count)]
public struct CueScores
{
    /// <summary>The number of cue sets.</summary>
    public const int Count = 10;

    private int _element;

    public readonly int Of(CueSet set) => this[(int)set];
}
