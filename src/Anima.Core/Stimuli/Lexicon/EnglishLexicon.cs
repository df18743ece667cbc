using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using Anima.Numerics;

namespace Anima.Stimuli;

/// <summary>
/// The English appraiser's word table: Anima.Core's own appraisal lexicon, its world lexicon of events
/// and things, the VADER lexicon, and the small word lists of negation, intensity, people and requests,
/// merged into one table with one lookup per word.
/// </summary>
/// <remarks>
/// <para>
/// Three embedded sources, in order of precedence for a word's stimulus weights: <c>appraisal.tsv</c>
/// (written for Anima.Core: tension, arousal, satisfaction and cohesion), <c>world.tsv</c> (written for
/// Anima.Core: valence on VADER's −4…4 scale and arousal) and <c>vader.tsv</c> (the word tokens of the
/// VADER lexicon, Hutto and Gilbert 2014, MIT; its notice ships in the package as <c>THIRD-PARTY-NOTICES.txt</c>). A word's
/// heard valence is VADER's human rating where VADER has the word, the world lexicon's otherwise, and
/// the appraisal lexicon's (0.7·satisfaction + 0.4·cohesion − 0.5·tension) for the words only it knows.
/// </para>
/// <para>
/// A word the table lacks is looked up again without a possessive <c>'s</c> or a common inflection
/// (-s, -es, -ed, -d, -ing, -ly, -ies, -ied), so "poisoning" and "neighbor's" are known as "poison" and
/// "neighbor". The typographic apostrophe (U+2019) reads as <c>'</c>.
/// </para>
/// </remarks>
internal static partial class EnglishLexicon
{
    /// <summary>The longest word that is looked up; longer runs of letters are not words of the table.</summary>
    public const int MaxWordLength = WordChars.Capacity;

    /// <summary>The two-word phrases of the appraisal lexicon ("passed away", "laughed at"), by "head second".</summary>
    private static readonly FrozenDictionary<string, LexiconWord> Phrases = BuildPhrases();

    private static readonly WordTable Lookup = Build();

    private static readonly FrozenDictionary<string, LexiconWord>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup = Phrases.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the number of words that carry a feeling (from any of the three lexicons).</summary>
    public static int Size { get; } = CountFelt(Lookup.Entries);

    /// <summary>The entry of a word the table does not know.</summary>
    public static readonly LexiconWord Nothing;

    /// <summary>Finds a word, or its stem when the word itself is not in the table.</summary>
    /// <param name="word">The word as it appears in the message.</param>
    /// <param name="entry">What the table knows of the word.</param>
    /// <returns>How the word was found.</returns>
    public static WordForm Find(scoped ReadOnlySpan<char> word, out LexiconWord entry)
    {
        entry = default;
        entry = Find(word, ref entry, out var form, out _);
        return form;
    }

    /// <summary>Finds a word, or its stem when the word itself is not in the table, without copying its entry.</summary>
    /// <param name="word">The word as it appears in the message.</param>
    /// <param name="scratch">Room for an entry the table does not hold as it is (a word read through its root); the result may be it.</param>
    /// <param name="form">How the word was found.</param>
    /// <param name="casing">The word's letter case, told in the pass that lower-cases it.</param>
    /// <returns>What the table knows of the word: its own entry, <paramref name="scratch"/>, or <see cref="Nothing"/>.</returns>
    [SkipLocalsInit]
    public static ref readonly LexiconWord Find(scoped ReadOnlySpan<char> word, ref LexiconWord scratch, out WordForm form, out LetterCase casing)
    {
        if (word.Length > MaxWordLength)
        {
            form = WordForm.Unknown;
            casing = WordTable.Casing(word);
            return ref Nothing;
        }

        // The table's keys are lower case, compared ordinally: one invariant lower-casing here instead of a
        // case-insensitive hash and comparison in every lookup of every stem tried.
        Unsafe.SkipInit(out WordChars lowerBuffer);
        Span<char> lower = lowerBuffer;
        uint hash = WordTable.Lower(word, lower, out casing);
        ReadOnlySpan<char> key = lower[..word.Length];
        int found = Lookup.IndexOf(key, hash);
        if (found >= 0)
        {
            ref readonly var listed = ref Lookup[found];
            form = listed.Form;

            // A listed word no lexicon rates ("unharmed" is a relief) may still be felt through its root.
            return ref (listed.Kind & WordKind.Felt) == 0 && listed.Boost == 0 && (listed.Kind & WordKind.Negator) == 0
                && FeltThroughRoot(key, listed, ref scratch) ? ref scratch : ref listed;
        }

        if (key.EndsWith("'s", StringComparison.Ordinal) && (found = Lookup.IndexOf(key[..^2])) >= 0)
        {
            form = WordForm.Possessive;
            return ref Inexact(found, ref scratch);
        }

        form = Stem(key, out found);
        if (form != WordForm.Unknown)
        {
            return ref Inexact(found, ref scratch);
        }

        form = Unprefixed(key, ref scratch);
        return ref form == WordForm.Unknown ? ref Nothing : ref scratch;
    }

    /// <summary>Whether a listed word no lexicon rates is felt through its root; if so, <paramref name="scratch"/> is the word's entry.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool FeltThroughRoot(scoped ReadOnlySpan<char> key, in LexiconWord listed, ref LexiconWord scratch)
    {
        if (Unprefixed(key, ref scratch) == WordForm.Unknown)
        {
            return false;
        }

        scratch = scratch with { Kind = scratch.Kind | listed.Kind, Form = listed.Form, Head = listed.Head };
        return true;
    }

    /// <summary>An entry found through another form of its word, which is not the word its <see cref="WordKind.Exact"/> kinds name.</summary>
    private static ref readonly LexiconWord Inexact(int index, ref LexiconWord scratch)
    {
        ref readonly var entry = ref Lookup[index];
        if ((entry.Kind & WordKind.Exact) == 0)
        {
            return ref entry;
        }

        scratch = entry with { Kind = entry.Kind & ~WordKind.Exact };
        return ref scratch;
    }

    /// <summary>
    /// Finds the phrase a head word and the word after it make ("laughed" + "at"): its weights replace the head's,
    /// so being laughed at is ridicule, not glee, and "passed away" is a death.
    /// </summary>
    public static bool TryPhrase(string head, ReadOnlySpan<char> word, out LexiconWord phrase)
    {
        phrase = default;
        if (word.Length > MaxWordLength)
        {
            return false;
        }

        Span<char> key = stackalloc char[head.Length + 1 + word.Length];
        head.CopyTo(key);
        key[head.Length] = ' ';
        word.ToLowerInvariant(key[(head.Length + 1)..]);
        return PhraseLookup.TryGetValue(key, out phrase);
    }

    private static FrozenDictionary<string, LexiconWord> BuildPhrases()
    {
        var phrases = new Dictionary<string, LexiconWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var parts in Rows("appraisal"))
        {
            if (parts[0].Contains(' ', StringComparison.Ordinal))
            {
                var phrase = Appraised(parts);
                var loss = WordLists.LossesTold.Contains(parts[0]) ? WordKind.Loss | WordKind.LossTold : WordLists.Losses.Contains(parts[0]) ? WordKind.Loss : WordKind.None;
                var rival = WordLists.Rivals.Contains(parts[0]) ? WordKind.Rival : WordKind.None;
                var relief = WordLists.Reliefs.Contains(parts[0]) ? WordKind.Relief : WordKind.None;
                phrases[parts[0]] = phrase with { Kind = phrase.Kind | loss | rival | relief };
            }
        }

        return phrases.ToFrozenDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>A word of the appraisal lexicon: its own four weights, and the valence and arousal they are heard as.</summary>
    private static LexiconWord Appraised(string[] parts)
    {
        var weights = new AppraisalWeights(Parse(parts[1]), Parse(parts[2]), Parse(parts[3]), Parse(parts[4]));
        double valence = (0.7 * weights.Satisfaction) + (0.4 * weights.Cohesion) - (0.5 * weights.Tension);
        return new LexiconWord(WordKind.Felt, 0, weights, valence, weights.Arousal + (0.5 * weights.Tension));
    }

    private static int CountFelt(ReadOnlySpan<LexiconWord> entries)
    {
        int felt = 0;
        foreach (ref readonly var entry in entries)
        {
            felt += (entry.Kind & WordKind.Felt) != 0 ? 1 : 0;
        }

        return felt;
    }

    private static WordTable Build()
    {
        var words = new Dictionary<string, LexiconWord>(StringComparer.OrdinalIgnoreCase);

        foreach (var parts in Rows("vader"))
        {
            double valence = Parse(parts[1]) / 4;
            words[parts[0]] = new LexiconWord(WordKind.Felt, 0, FromValence(valence, Math.Abs(valence) * VaderArousal), valence, Math.Abs(valence) * VaderArousal);
        }

        foreach (var parts in Rows("world"))
        {
            double arousal = Parse(parts[2]);
            double valence = words.TryGetValue(parts[0], out var rated) ? rated.Valence : Parse(parts[1]) / 4;
            var kind = Math.Max(Math.Abs(valence), arousal) >= EventStrength ? WordKind.Felt | WordKind.Event : WordKind.Felt;
            words[parts[0]] = new LexiconWord(kind, 0, FromValence(valence, arousal), valence, arousal);
        }

        var appraisedWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parts in Rows("appraisal"))
        {
            if (parts[0].Contains(' ', StringComparison.Ordinal))
            {
                string head = parts[0][..parts[0].IndexOf(' ', StringComparison.Ordinal)].ToLowerInvariant();
                var found = words.GetValueOrDefault(head);
                words[head] = found with { Head = head };
                continue;
            }

            var appraised = Appraised(parts);
            words[parts[0]] = appraised with { Kind = IsEvent(appraised.Weights) ? appraised.Kind | WordKind.Event : appraised.Kind, Head = words.GetValueOrDefault(parts[0]).Head };
            appraisedWords.Add(parts[0]);
        }

        // An inflection that only VADER or the world lexicon rates ("blames", "betraying") is the appraised word in another
        // form: it keeps its own rated valence and arousal, and carries the appraised word's stimulus (so an offence stays an
        // offence, a loss a loss, in every tense).
        foreach (string word in appraisedWords)
        {
            var root = words[word];
            foreach (var (inflected, _) in Inflections(word))
            {
                if (!appraisedWords.Contains(inflected) && words.TryGetValue(inflected, out var rated) && rated.Kind == WordKind.Felt)
                {
                    words[inflected] = rated with { Weights = root.Weights, Kind = root.Kind & (WordKind.Felt | WordKind.Event) };
                }
            }
        }

        foreach (var (word, boost) in WordLists.Boosters)
        {
            words[word] = words.GetValueOrDefault(word) with { Kind = words.GetValueOrDefault(word).Kind | WordKind.Booster, Boost = boost };
        }

        foreach (var (kind, list) in WordLists.Kinds)
        {
            foreach (string word in list)
            {
                var entry = words.GetValueOrDefault(word);

                // A negator is not also felt: "no" and "never" weigh as negation, never as words of their own.
                words[word] = kind == WordKind.Negator ? new LexiconWord(WordKind.Negator, 0, default, 0, 0) : entry with { Kind = entry.Kind | kind };
            }
        }

        // The inflections of the closed lists' verbs and nouns are theirs too, even where VADER rates the
        // inflection as a word of its own ("poisoning", "neighbors"); a told form is marked as told. A form no
        // lexicon rates feels as its root does ("dies" as "die"), which the stemmer would have found.
        foreach (var (kind, list) in WordLists.Kinds)
        {
            if (kind is WordKind.Negator or WordKind.Contrast or WordKind.FirstPerson or WordKind.Passive or WordKind.Filler or WordKind.Offence or WordKind.Loss or WordKind.LossTold or WordKind.Rival or WordKind.Relief or WordKind.Formula)
            {
                continue;
            }

            foreach (string word in list)
            {
                var root = words.GetValueOrDefault(word);
                foreach (var (inflected, form) in Inflections(word))
                {
                    if (!words.TryGetValue(inflected, out var entry))
                    {
                        words[inflected] = root with { Kind = (root.Kind & (WordKind.Felt | WordKind.Event)) | kind, Form = form, Head = null };
                    }
                    else if ((entry.Kind & ~WordKind.Felt) == 0)
                    {
                        words[inflected] = entry with { Kind = entry.Kind | kind, Form = form };
                    }
                    else if (entry.Form == form)
                    {
                        words[inflected] = entry with { Kind = entry.Kind | kind };
                    }
                }
            }
        }

        // The few words the appraiser tells apart one by one are marked, so it reads a bit instead of comparing text.
        foreach (var (kind, list) in WordLists.ExactWords)
        {
            foreach (string word in list)
            {
                var entry = words.GetValueOrDefault(word);
                words[word] = entry with { Kind = entry.Kind | kind };
            }
        }

        foreach (var (word, entry) in words.Where(kv => (kv.Value.Kind & WordKind.Passive) != 0 && kv.Key[0] is 'g' or 'G').ToList())
        {
            words[word] = entry with { Kind = entry.Kind | WordKind.Get };
        }

        return new WordTable(words.Select(kv => KeyValuePair.Create(kv.Key.ToLowerInvariant(), kv.Value)).ToList());
    }

    /// <summary>The share of a VADER word's valence magnitude that is heard as arousal (the lexicon rates valence only).</summary>
    private const double VaderArousal = 0.6;

    /// <summary>
    /// The stimulus a word of known valence and arousal carries: pleasant words satisfy, unpleasant ones
    /// add tension in proportion to how arousing they are, and arousal passes at 0.6.
    /// </summary>
    private static AppraisalWeights FromValence(double valence, double arousal) => new(
        Tension: valence < 0 ? -valence * (0.4 + (0.4 * Math.Max(arousal, 0))) : 0,
        Arousal: 0.6 * arousal,
        Satisfaction: 0.7 * valence,
        Cohesion: 0);

    /// <summary>The regular inflections of a word: -s/-es, -ed/-d and -ing, with a doubled consonant or a dropped e.</summary>
    private static IEnumerable<(string Word, WordForm Form)> Inflections(string word)
    {
        if (word.Contains('\'', StringComparison.Ordinal) || word.Length < 3)
        {
            yield break;
        }

        char last = word[^1];
        bool vowelBefore = "aeiou".Contains(word[^2], StringComparison.Ordinal);
        yield return (word.EndsWith('s') || word.EndsWith("sh", StringComparison.Ordinal) || word.EndsWith("ch", StringComparison.Ordinal) ? word + "es" : last == 'y' && !vowelBefore ? word[..^1] + "ies" : word + "s", WordForm.Inflected);
        yield return (last == 'e' ? word + "d" : last == 'y' && !vowelBefore ? word[..^1] + "ied" : word + "ed", WordForm.Inflected);
        yield return (last == 'e' && word[^2] != 'e' ? word[..^1] + "ing" : word + "ing", WordForm.Progressive);

        // One short vowel before one consonant doubles it: stab → stabbing, rob → robbed.
        if (word.Length <= 4 && vowelBefore && !"aeiouwxy".Contains(last, StringComparison.Ordinal) && !"aeiou".Contains(word[^3], StringComparison.Ordinal))
        {
            yield return (word + last + "ing", WordForm.Progressive);
            yield return (word + last + "ed", WordForm.Inflected);
        }
    }

    private static IEnumerable<string[]> Rows(string name)
    {
        using var stream = typeof(EnglishLexicon).Assembly.GetManifestResourceStream($"Anima.Lexicon.{name}.tsv")
            ?? throw new InvalidOperationException($"The embedded lexicon '{name}.tsv' is missing from the Anima.Core assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length != 0 && line[0] != '#')
            {
                yield return line.Split('\t');
            }
        }
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>How a word of a message was found in the lexicon.</summary>
internal enum WordForm
{
    /// <summary>Neither the word nor a stem of it is in the table.</summary>
    Unknown,

    /// <summary>The word itself.</summary>
    Base,

    /// <summary>The word without its possessive <c>'s</c>.</summary>
    Possessive,

    /// <summary>The word without its -ing: an action that may be asked for ("how do I go about poisoning him").</summary>
    Progressive,

    /// <summary>The word without another inflection (-s, -ed, -ly and the like): a told action, not one asked for.</summary>
    Inflected,
}

/// <summary>One word of the table.</summary>
/// <param name="Kind">What the word is.</param>
/// <param name="Boost">A booster's factor.</param>
/// <param name="Weights">The stimulus a felt word carries for the listener.</param>
/// <param name="Valence">How pleasant the word is heard, in [−1, 1].</param>
/// <param name="Arousal">How activating the word is heard, in [−1, 1].</param>
/// <param name="Form">How the word stands to the closed list it belongs to: an inflection of one of its words, or the word itself.</param>
/// <param name="Head">The word itself when it begins a two-word phrase of the lexicon (see <see cref="EnglishLexicon.TryPhrase"/>); otherwise null.</param>
internal readonly record struct LexiconWord(
    WordKind Kind, double Boost, AppraisalWeights Weights, double Valence, double Arousal, WordForm Form = WordForm.Base, string? Head = null)
{
    /// <summary>How pleasant the word is heard, in [−1, 1]; fixed at construction, since <see cref="HeardStrength"/> follows from it.</summary>
    public double Valence { get; } = Valence;

    /// <summary>The word's heard strength, |<see cref="Valence"/>|^<see cref="EnglishStimulusAppraiser.HeardIntensityExponent"/>, worked out once.</summary>
    public double HeardStrength { get; } = Math.Pow(Math.Abs(Valence), EnglishStimulusAppraiser.HeardIntensityExponent);
}
