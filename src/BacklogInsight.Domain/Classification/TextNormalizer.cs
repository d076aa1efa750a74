namespace BacklogInsight.Domain.Classification;

/// <summary>
/// Turns tracker text into lower-case words separated by single spaces, dropping HTML tags and entities,
/// so cues match on word boundaries whatever the markup or punctuation.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Appends the normalised form of <paramref name="text"/> to <paramref name="buffer"/> at <paramref name="length"/>; returns the new length.</summary>
    /// <remarks>Stops quietly when the buffer is full: cues beyond the first few thousand characters are not worth an allocation.</remarks>
    public static int Append(ReadOnlySpan<char> text, Span<char> buffer, int length)
    {
        var pendingSpace = length > 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!'))
            {
                var close = text[i..].IndexOf('>');
                if (close > 0)
                {
                    i += close + 1;
                    pendingSpace = true;
                    continue;
                }
            }
            else if (c == '&')
            {
                var semi = text.Slice(i, Math.Min(10, text.Length - i)).IndexOf(';');
                if (semi > 1)
                {
                    i += semi + 1;
                    pendingSpace = true;
                    continue;
                }
            }

            if (char.IsLetterOrDigit(c))
            {
                // "AC2", "Q3" and "FY26" read as two words, so "AC" and "Q" cues still match.
                if (length > 0 && buffer[length - 1] != ' ' && char.IsDigit(c) != char.IsDigit(buffer[length - 1]))
                {
                    pendingSpace = true;
                }

                if (pendingSpace && length > 0)
                {
                    if (length >= buffer.Length)
                    {
                        return length;
                    }

                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                if (length >= buffer.Length)
                {
                    return length;
                }

                buffer[length++] = char.ToLowerInvariant(c);
            }
            else
            {
                pendingSpace = true;
            }

            i++;
        }

        return length;
    }

    /// <summary>The normalised form of <paramref name="text"/> as a new string (for loading cue phrases).</summary>
    public static string Normalize(string text)
    {
        var buffer = new char[text.Length + 1];
        var length = Append(text, buffer, 0);
        return new string(buffer, 0, length);
    }
}
