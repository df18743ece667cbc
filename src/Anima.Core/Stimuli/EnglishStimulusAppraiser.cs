using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Anima.Stimuli;

/// <summary>
/// The default appraiser: an English lexicon of words with their tension, arousal, satisfaction and
/// cohesion, with negation, intensifiers and dampeners, contrast after "but", exclamation marks, capitals,
/// emoticons, and the words of harm, deception, coercion and unfairness.
/// </summary>
/// <remarks>
/// <para>
/// Each dimension's sum is squashed as x / √(x² + 4), the normalisation VADER (Hutto and Gilbert 2014)
/// uses for its compound score, then scaled by 0.8, so no message moves a dimension by more than 0.8.
/// Negation within three words flips satisfaction and cohesion with factor −0.74 (VADER's constant) and
/// halves tension and arousal. After "but", words weigh 1.5 and those before it 0.5 (as in VADER).
/// </para>
/// <para>
/// Only the first <see cref="MaxAppraisedLength"/> characters are read, so a message of megabytes costs
/// no more than one of sixteen thousand characters. The lexicon is Anima.Core's own.
/// </para>
/// </remarks>
internal sealed class EnglishStimulusAppraiser : IStimulusAppraiser
{
    /// <summary>The number of characters of a message that are read.</summary>
    public const int MaxAppraisedLength = 16_384;

    private const double NegationScale = -0.74;
    private const int NegationReach = 3;
    private const double Squash = 4;
    private const double Scale = 0.8;

    private static readonly string[] Negators =
    [
        "not", "no", "never", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "wasn't", "wasnt",
        "aren't", "arent", "can't", "cant", "cannot", "won't", "wont", "wouldn't", "wouldnt", "shouldn't", "nobody",
        "neither", "nor", "without", "hardly", "ain't", "haven't", "havent", "hasn't", "hasnt",
    ];

    private static readonly FrozenDictionary<string, double> Boosters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["very"] = 1.3, ["so"] = 1.25, ["really"] = 1.3, ["extremely"] = 1.5, ["incredibly"] = 1.5, ["totally"] = 1.4,
        ["absolutely"] = 1.4, ["completely"] = 1.4, ["deeply"] = 1.4, ["super"] = 1.3, ["truly"] = 1.3, ["utterly"] = 1.5,
        ["quite"] = 1.15, ["too"] = 1.2, ["such"] = 1.2, ["most"] = 1.2, ["terribly"] = 1.4, ["awfully"] = 1.4,
        ["slightly"] = 0.5, ["somewhat"] = 0.6, ["bit"] = 0.6, ["little"] = 0.7, ["kinda"] = 0.6, ["barely"] = 0.4,
        ["mildly"] = 0.5, ["fairly"] = 0.8, ["sort"] = 0.7, ["kind"] = 1.0,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] HarmWords =
    [
        "hurt", "kill", "murder", "poison", "attack", "stab", "shoot", "beat", "torture", "abuse", "injure", "harm", "strangle", "burn",
    ];

    private static readonly string[] DeceptionWords =
    [
        "lie", "deceive", "trick", "fake", "forge", "scam", "mislead", "fool", "counterfeit", "impersonate",
    ];

    private static readonly string[] CoercionWords =
    [
        "force", "threaten", "blackmail", "stalk", "coerce", "intimidate", "manipulate", "control", "bully", "extort",
    ];

    private static readonly string[] UnfairnessWords =
    [
        "cheat", "steal", "rig", "bribe", "discriminate", "embezzle", "plagiarize", "plagiarise", "swindle",
    ];

    private static readonly string[] PersonWords =
    [
        "him", "her", "them", "someone", "somebody", "anyone", "people", "person", "he", "she", "they", "myself", "yourself",
        "neighbor", "neighbour", "boss", "wife", "husband", "child", "kid", "kids", "family", "friend", "coworker",
        "colleague", "everyone", "teacher", "partner", "brother", "sister", "mother", "father", "mom", "dad", "customer",
        "customers", "users", "competitor", "exam", "test", "taxes", "election", "voters", "game", "money", "store",
    ];

    /// <summary>Every word the appraiser knows, with all it knows of it: one lookup per word of a message.</summary>
    private static readonly FrozenDictionary<string, WordEntry> Words = BuildWords();

    private static readonly FrozenDictionary<string, WordEntry>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static EnglishStimulusAppraiser Instance { get; } = new();

    /// <summary>Gets the number of words in the lexicon.</summary>
    public static int LexiconSize { get; } = Words.Values.Count(w => (w.Kind & WordKind.Lexicon) != 0);

    public Appraisal Appraise(ReadOnlySpan<char> message)
    {
        if (message.Length > MaxAppraisedLength)
        {
            message = message[..MaxAppraisedLength];
        }

        var scan = new Scan();
        int i = 0;
        while (i < message.Length)
        {
            char c = message[i];
            if (char.IsLetter(c))
            {
                int start = i;
                while (i < message.Length && (char.IsLetter(message[i]) || message[i] == '\''))
                {
                    i++;
                }

                scan.Word(message[start..i]);
                continue;
            }

            switch (c)
            {
                case '!':
                    scan.Exclamations++;
                    break;
                case '?':
                    scan.Questions++;
                    break;
                case ':' or ';' when i + 1 < message.Length:
                    scan.Emoticon(message[i + 1]);
                    break;
            }

            i++;
        }

        return scan.Result();
    }

    /// <summary>The lexicon (embedded appraisal.tsv) and the word lists, merged into one table.</summary>
    private static FrozenDictionary<string, WordEntry> BuildWords()
    {
        var words = new Dictionary<string, WordEntry>(StringComparer.OrdinalIgnoreCase);
        using (var stream = typeof(EnglishStimulusAppraiser).Assembly.GetManifestResourceStream("Anima.Lexicon.appraisal.tsv")
            ?? throw new InvalidOperationException("The embedded appraisal lexicon is missing from the Anima.Core assembly."))
        using (var reader = new StreamReader(stream))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var parts = line.Split('\t');
                var weights = new AppraisalWeights(
                    double.Parse(parts[1], CultureInfo.InvariantCulture),
                    double.Parse(parts[2], CultureInfo.InvariantCulture),
                    double.Parse(parts[3], CultureInfo.InvariantCulture),
                    double.Parse(parts[4], CultureInfo.InvariantCulture));
                words[parts[0]] = words.GetValueOrDefault(parts[0]) with { Kind = words.GetValueOrDefault(parts[0]).Kind | WordKind.Lexicon, Weights = weights };
            }
        }

        foreach (var (word, boost) in Boosters)
        {
            words[word] = words.GetValueOrDefault(word) with { Kind = words.GetValueOrDefault(word).Kind | WordKind.Booster, Boost = boost };
        }

        Mark(Negators, WordKind.Negator);
        Mark(PersonWords, WordKind.Person);
        Mark(HarmWords, WordKind.Harm);
        Mark(DeceptionWords, WordKind.Deception);
        Mark(CoercionWords, WordKind.Coercion);
        Mark(UnfairnessWords, WordKind.Unfairness);
        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        void Mark(string[] list, WordKind kind)
        {
            foreach (string word in list)
            {
                words[word] = words.GetValueOrDefault(word) with { Kind = words.GetValueOrDefault(word).Kind | kind };
            }
        }
    }

    /// <summary>What a word is to the appraiser; a word may be several things at once.</summary>
    [Flags]
    private enum WordKind
    {
        None = 0,
        Negator = 1,
        Booster = 2,
        Person = 4,
        Harm = 8,
        Deception = 16,
        Coercion = 32,
        Unfairness = 64,
        Lexicon = 128,
        Concern = Harm | Deception | Coercion | Unfairness,
    }

    /// <summary>One word of the table: its kinds, its boost (a booster's factor) and its weights (a lexicon word's).</summary>
    private readonly record struct WordEntry(WordKind Kind, double Boost, AppraisalWeights Weights);

    private static double Squashed(double x) => Scale * x / Math.Sqrt((x * x) + Squash);

    /// <summary>The running tally of one message.</summary>
    private struct Scan
    {
        public int Exclamations;
        public int Questions;
        private double _tension, _arousal, _satisfaction, _cohesion;
        private double _boost;
        private int _negation;
        private int _words, _capitals, _hits;
        private bool _harm, _deception, _coercion, _unfairness, _person, _negatedConcern;
        private double _afterBut;

        public void Word(ReadOnlySpan<char> word)
        {
            _words++;
            bool shouting = word.Length >= 2 && IsUpper(word);
            if (shouting)
            {
                _capitals++;
            }

            if (word.Equals("but", StringComparison.OrdinalIgnoreCase))
            {
                _tension *= 0.5;
                _arousal *= 0.5;
                _satisfaction *= 0.5;
                _cohesion *= 0.5;
                _afterBut = 1.5;
                return;
            }

            WordLookup.TryGetValue(word, out var entry);
            if ((entry.Kind & WordKind.Negator) != 0)
            {
                _negation = NegationReach;
                return;
            }

            if ((entry.Kind & WordKind.Booster) != 0)
            {
                _boost = _boost == 0 ? entry.Boost : _boost * entry.Boost;
                return;
            }

            Concern(entry.Kind);
            if (Weights(entry, word) is { } w)
            {
                double k = (_boost == 0 ? 1 : _boost) * (shouting ? 1.3 : 1) * (_afterBut == 0 ? 1 : _afterBut);
                double t = w.Tension * k, a = w.Arousal * k, s = w.Satisfaction * k, c = w.Cohesion * k;
                if (_negation > 0)
                {
                    t *= 0.5;
                    a *= 0.5;
                    s *= NegationScale;
                    c *= NegationScale;
                }

                _tension += t;
                _arousal += a;
                _satisfaction += s;
                _cohesion += c;
                _hits++;
            }

            _boost = 0;
            if (_negation > 0)
            {
                _negation--;
            }
        }

        public void Emoticon(char mouth)
        {
            switch (mouth)
            {
                case ')' or 'D' or ']':
                    _satisfaction += 0.6;
                    _cohesion += 0.3;
                    _hits++;
                    break;
                case '(' or '[':
                    _satisfaction -= 0.6;
                    _tension += 0.2;
                    _hits++;
                    break;
            }
        }

        public readonly Appraisal Result()
        {
            double capitalShare = _words == 0 ? 0 : (double)_capitals / _words;
            double exclaim = Math.Min(Exclamations, 4);
            double arousal = _arousal + (0.25 * exclaim) + (1.5 * capitalShare);
            double tension = _tension + (0.1 * Math.Min(Questions, 3));

            var stimulus = new Stimulus
            {
                Tension = Squashed(tension),
                Arousal = Squashed(arousal),
                Satisfaction = Squashed(_satisfaction),
                Cohesion = Squashed(_cohesion),
            };

            double evidence = _hits + (0.5 * exclaim) + (3 * capitalShare);
            var speaker = new SpeakerImpression(
                Math.Clamp(((0.7 * stimulus.Satisfaction) + (0.4 * stimulus.Cohesion) - (0.5 * stimulus.Tension)) / 0.8, -1, 1),
                Math.Clamp((stimulus.Arousal + (0.5 * stimulus.Tension)) / 0.8, -1, 1),
                Math.Clamp(((0.6 * capitalShare) + (0.1 * exclaim) - (0.6 * stimulus.Tension) - (0.3 * stimulus.Cohesion)) / 0.8, -1, 1),
                evidence / (evidence + 2));

            var concerns = RequestConcerns.None;
            if (_person && !_negatedConcern)
            {
                concerns |= _harm ? RequestConcerns.Harm : RequestConcerns.None;
                concerns |= _deception ? RequestConcerns.Deception : RequestConcerns.None;
                concerns |= _coercion ? RequestConcerns.Coercion : RequestConcerns.None;
                concerns |= _unfairness ? RequestConcerns.Unfairness : RequestConcerns.None;
            }

            return new Appraisal(stimulus, speaker, concerns);
        }

        /// <summary>A lexicon word's weights, or those of its stem before a possessive "'s"; null for a word the lexicon lacks.</summary>
        private static AppraisalWeights? Weights(in WordEntry entry, ReadOnlySpan<char> word)
        {
            if ((entry.Kind & WordKind.Lexicon) != 0)
            {
                return entry.Weights;
            }

            return word.EndsWith("'s", StringComparison.Ordinal) && WordLookup.TryGetValue(word[..^2], out var stem) && (stem.Kind & WordKind.Lexicon) != 0
                ? stem.Weights
                : null;
        }

        private void Concern(WordKind kind)
        {
            if ((kind & WordKind.Person) != 0)
            {
                _person = true;
                return;
            }

            if ((kind & WordKind.Concern) == 0)
            {
                return;
            }

            // "I would never hurt anyone" is not a request to hurt.
            if (_negation > 0)
            {
                _negatedConcern = true;
                return;
            }

            _harm |= (kind & WordKind.Harm) != 0;
            _deception |= (kind & WordKind.Deception) != 0;
            _coercion |= (kind & WordKind.Coercion) != 0;
            _unfairness |= (kind & WordKind.Unfairness) != 0;
        }

        private static bool IsUpper(ReadOnlySpan<char> word)
        {
            foreach (char ch in word)
            {
                if (char.IsLower(ch))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
