namespace Anima.Stimuli;

/// <summary>The lexicon's reading of a word through its root: its inflections.</summary>
internal static partial class EnglishLexicon
{
    /// <summary>
    /// A word no lexicon rates whose root after "un", "dis" or "non" is felt ("unhelpful", "unharmed", "nonviolent"): felt
    /// as its root negated (VADER's factor, −0.74, on valence, satisfaction and cohesion; stir halved). Its other kinds
    /// are the root's, not its own, and are dropped.
    /// </summary>
    private static WordForm Unprefixed(scoped ReadOnlySpan<char> key, ref LexiconWord entry)
    {
        int prefix = key.Length < 6 ? 0
            : key[0] == 'u' && key[1] == 'n' ? 2
            : (key[0] == 'd' && key[1] == 'i' && key[2] == 's') || (key[0] == 'n' && key[1] == 'o' && key[2] == 'n') ? 3
            : 0;
        var root = key[prefix..];
        int index;
        if (prefix == 0 || root.Length < 4
            || ((index = Lookup.IndexOf(root)) < 0 && Stem(root, out index) == WordForm.Unknown)
            || (Lookup[index].Kind & WordKind.Felt) == 0)
        {
            return WordForm.Unknown;
        }

        const double Negated = -0.74;
        ref readonly var rated = ref Lookup[index];
        var w = rated.Weights;
        entry = new LexiconWord(
            WordKind.Felt, 0, new AppraisalWeights(0.5 * w.Tension, 0.5 * w.Arousal, Negated * w.Satisfaction, Negated * w.Cohesion), Negated * rated.Valence, 0.5 * rated.Arousal, WordForm.Inflected);
        return WordForm.Inflected;
    }

    /// <summary>Tries the common English inflections, longest suffix first; <paramref name="index"/> is the root's entry.</summary>
    private static WordForm Stem(scoped ReadOnlySpan<char> word, out int index)
    {
        index = -1;
        if (word.Length < 5)
        {
            return word.Length == 4 && word[3] == 's' && (index = Lookup.IndexOf(word[..^1])) >= 0
                ? WordForm.Inflected
                : WordForm.Unknown;
        }

        char last = word[^1], before = word[^2];
        if (last == 'g' && before == 'n' && word[^3] == 'i')
        {
            return (index = Root(word, 3, '\0', doubled: true)) >= 0 || (index = Root(word, 3, 'e', doubled: false)) >= 0
                ? WordForm.Progressive
                : WordForm.Unknown;
        }

        bool found = last switch
        {
            'd' => (before == 'e' && word[^3] == 'i' && (index = Root(word, 3, 'y', doubled: false)) >= 0)
                || (before == 'e' && ((index = Root(word, 2, '\0', doubled: true)) >= 0 || (index = Root(word, 2, 'e', doubled: false)) >= 0))
                || (index = Root(word, 1, '\0', doubled: false)) >= 0,
            's' => (before == 'e' && word[^3] == 'i' && (index = Root(word, 3, 'y', doubled: false)) >= 0)
                || (before == 'e' && (index = Root(word, 2, '\0', doubled: false)) >= 0)
                || (index = Root(word, 1, '\0', doubled: false)) >= 0,
            'y' => before == 'l' && (index = Root(word, 2, '\0', doubled: false)) >= 0,
            _ => false,
        };
        return found ? WordForm.Inflected : WordForm.Unknown;
    }

    /// <summary>
    /// The entry of a word without its last <paramref name="suffix"/> characters, with <paramref name="ending"/> added when
    /// it is not '\0' ("hurried" → "hurry"), or with a doubled last consonant undone when <paramref name="doubled"/> ("stabbing",
    /// "robbed"); −1 when the table has neither. A root is at least three letters.
    /// </summary>
    private static int Root(scoped ReadOnlySpan<char> word, int suffix, char ending, bool doubled)
    {
        if (word.Length - suffix < 3)
        {
            return -1;
        }

        var root = word[..^suffix];
        if (ending == '\0')
        {
            int index = Lookup.IndexOf(root);
            return index >= 0 || !doubled || root.Length < 4 || root[^1] != root[^2] ? index : Lookup.IndexOf(root[..^1]);
        }

        uint hash = WordTable.Hash(root);
        return Lookup.IndexOf(root, WordTable.Hash(hash, ending), ending);
    }
}
