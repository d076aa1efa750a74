namespace BacklogInsight.Domain.Classification;

/// <summary>One cue phrase, normalised, with the set it belongs to and its weight.</summary>
/// <param name="Id">Index of the phrase in the taxonomy, used to count each phrase once per text.</param>
/// <param name="Text">The normalised phrase: lower-case words separated by single spaces.</param>
/// <param name="Set">The cue list it came from.</param>
/// <param name="Weight">What one occurrence adds to the set's score.</param>
public sealed record CuePhrase(int Id, string Text, CueSet Set, int Weight);
