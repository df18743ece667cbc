using System.Globalization;
using System.Text;

namespace Anima.Prompting;

/// <summary>
/// Finds the inner-state block's tag name in text however it is disguised — in any case, in fullwidth or other
/// compatibility letters (NFKC), with zero-width, format or soft-hyphen characters or combining marks inside it,
/// split by spaces, dashes, underscores or line breaks — and respells each finding so it can no longer be read as the
/// tag. Everything else in the text is left exactly as it was.
/// </summary>
internal static class TagDefuser
{
    /// <summary>The letters of the tag name, as the search compares them (separators dropped).</summary>
    private const string Letters = "animainnerstate";

    /// <summary>What a finding is respelled as: the same words, hyphenated, so a person reads the text unchanged.</summary>
    public const string Defused = "anima-inner-state";

    /// <summary>Returns the text with every disguised tag name respelled; the same instance when there is none.</summary>
    public static string Defuse(string text)
    {
        // The fast path: plain ASCII that never spells "anima" cannot hold the name in any disguise.
        if (Ascii.IsValid(text) && !text.Contains("anima", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var (skeleton, origins) = Skeleton(text);
        int found = skeleton.IndexOf(Letters, StringComparison.Ordinal);
        if (found < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8);
        int copied = 0;
        bool changed = false;
        while (found >= 0)
        {
            int start = origins[found];
            int end = origins[found + Letters.Length - 1] + 1;
            end = end < text.Length && char.IsLowSurrogate(text[end]) ? end + 1 : end;

            // A name already respelled stays as it is, so defusing twice changes nothing.
            if (!text.AsSpan(start, end - start).SequenceEqual(Defused))
            {
                result.Append(text, copied, start - copied).Append(Defused);
                copied = end;
                changed = true;
            }

            found = skeleton.IndexOf(Letters, found + Letters.Length, StringComparison.Ordinal);
        }

        return changed ? result.Append(text, copied, text.Length - copied).ToString() : text;
    }

    /// <summary>
    /// The text as the search sees it — each character normalised by NFKC and lower-cased, separators and invisible
    /// characters dropped — and, for each character kept, the index in the text it came from.
    /// </summary>
    private static (string Skeleton, List<int> Origins) Skeleton(string text)
    {
        var skeleton = new StringBuilder(text.Length);
        var origins = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            int width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            string character = text.Substring(i, width);
            string normalised;
            try
            {
                normalised = character.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                // A lone surrogate: not a letter of the name.
                normalised = character;
            }

            foreach (char c in normalised)
            {
                if (!Dropped(c))
                {
                    skeleton.Append(char.ToLowerInvariant(c));
                    origins.Add(i);
                }
            }

            i += width - 1;
        }

        return (skeleton.ToString(), origins);
    }

    /// <summary>Whether a character is one that a disguise puts inside the name: a separator, an invisible or a combining mark.</summary>
    private static bool Dropped(char c) => char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.Control => true,
        _ => false,
    };
}
