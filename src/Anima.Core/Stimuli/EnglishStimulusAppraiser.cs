namespace Anima.Stimuli;

/// <summary>
/// The default appraiser: an English lexicon of about 7,700 words (<see cref="EnglishLexicon"/>) with
/// negation, intensifiers and dampeners, contrast after "but", exclamation marks, shouting, emoticons,
/// and a clause-by-clause reading of requests and self-harm (<see cref="ConcernReader"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>The stimulus</b> (what the agent feels) sums each word's tension, arousal, satisfaction and
/// cohesion. Each sum is squashed as x / √(x² + 15/16) — the normalisation VADER (Hutto and Gilbert 2014)
/// uses for its compound score, x / √(x² + 15) on its −4…4 scale, brought to this one — then scaled by
/// 0.8, so no message moves a dimension by more than 0.8.
/// Negation within three words of its clause flips satisfaction and cohesion with factor −0.74 (VADER's
/// constant) and halves tension and arousal. After "but", words weigh 1.5 and those before it 0.5.
/// </para>
/// <para>
/// <b>The speaker impression</b> (what the agent hears of the other) is a sentence-level reading tuned on
/// the EmoBank train split (Buechel and Hahn 2017): the words' heard valence, plus a lean of
/// <see cref="NegationLean"/> per negation, amplified by up to three exclamation marks (VADER's 0.292 on
/// its −4…4 scale), divided by √words and by (1 + felt words)^0.2, and squashed into [−1, 1]; arousal from
/// the words' arousal per √words, exclamation marks, question marks and shouting. A shouted word has at
/// least three letters, all of them capitals, so "OK", "I" and scripts without letter case never shout.
/// </para>
/// <para>
/// Feeling is read from the first <see cref="MaxAppraisedLength"/> characters. Concerns are read from the
/// whole message, in one pass that only looks words up, so a request hidden after megabytes of filler is
/// still found and the cost stays linear in the message.
/// </para>
/// </remarks>
internal sealed class EnglishStimulusAppraiser : IStimulusAppraiser
{
    /// <summary>The number of characters of a message whose feeling is read.</summary>
    public const int MaxAppraisedLength = 16_384;

    /// <summary>How negative a negation sounds on its own, on the heard-valence scale (tuned on EmoBank train).</summary>
    public const double NegationLean = -0.375;

    private const double NegationScale = -0.74;
    private const int NegationReach = 3;

    /// <summary>How many words after a word that takes away ("cancelled", "lost") are what it takes.</summary>
    private const int UndoingReach = 3;
    private const double Squash = 15.0 / 16;
    private const double Scale = 0.8;
    private const double ExclamationEmphasis = 0.073;
    private const double HeardValenceSquash = 0.16;

    /// <summary>How much more an unpleasant word weighs in the stimulus than a pleasant one (negativity bias).</summary>
    private const double NegativityBias = 1.5;

    /// <summary>The negativity bias of heard valence, tuned on EmoBank train.</summary>
    private const double HeardNegativityBias = 1.3;

    public static EnglishStimulusAppraiser Instance { get; } = new();

    /// <summary>Gets the number of words in the lexicon that carry a feeling.</summary>
    public static int LexiconSize => EnglishLexicon.Size;

    public Appraisal Appraise(ReadOnlySpan<char> message)
    {
        var scan = new Scan();
        var concerns = new ConcernReader();
        int felt = Math.Min(message.Length, MaxAppraisedLength);
        int i = 0;
        while (i < message.Length)
        {
            char c = message[i];
            if (char.IsLetter(c))
            {
                int start = i;
                while (i < message.Length && (char.IsLetter(message[i]) || message[i] is '\'' or '\u2019'))
                {
                    i++;
                }

                var word = message[start..i];
                var form = EnglishLexicon.Find(word, out var entry);
                concerns.Word(entry, form);
                if (start < felt)
                {
                    scan.Word(word, entry);
                }

                continue;
            }

            c = c switch { '\uFF01' => '!', '\uFF1F' => '?', '\u3002' or '\u3001' or '\uFF0C' => ',', _ => c };
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\n')
            {
                concerns.EndClause();
                if (i < felt)
                {
                    scan.EndClause();
                }
            }

            if (i < felt)
            {
                scan.Mark(c, i + 1 < message.Length ? message[i + 1] : '\0');
            }

            i++;
        }

        return new Appraisal(scan.Stimulus(), scan.Speaker(), concerns.Found);
    }

    private static double Squashed(double x) => Scale * x / Math.Sqrt((x * x) + Squash);

    /// <summary>One felt word's share of the tally.</summary>
    private readonly record struct Felt(double Tension, double Arousal, double Satisfaction, double Cohesion, double Valence, double HeardArousal);

    /// <summary>The running tally of the feeling of one message.</summary>
    private struct Scan
    {
        private int _exclamations, _questions;
        private double _tension, _arousal, _satisfaction, _cohesion;
        private double _heardValence, _heardArousal;
        private double _boost, _afterBut;
        private int _negation, _negations, _undoing;
        private bool _afterPassive, _undone;

        /// <summary>What the clause so far has added of good (satisfaction, cohesion, heard valence), which a passive undoing takes away.</summary>
        private double _clauseSatisfaction, _clauseCohesion, _clauseValence;
        private int _words, _casedWords, _shouted, _hits;
        private string? _head;
        private Felt? _lastFelt;

        public void Word(ReadOnlySpan<char> word, in LexiconWord entry)
        {
            _words++;
            var (cased, shouting) = Casing(word);
            _casedWords += cased ? 1 : 0;
            _shouted += shouting ? 1 : 0;

            if ((entry.Kind & WordKind.Contrast) != 0 && word.Equals("but", StringComparison.OrdinalIgnoreCase))
            {
                _tension *= 0.5;
                _arousal *= 0.5;
                _satisfaction *= 0.5;
                _cohesion *= 0.5;
                _heardValence *= 0.5;
                _afterBut = 1.5;
                EndClause();
                return;
            }

            if (_head is { } head && EnglishLexicon.TryPhrase(head, word, out var phrase))
            {
                // The phrase replaces its head: "laughed at" is ridicule, not glee; "passed away" is a death.
                if (_lastFelt is { } taken)
                {
                    Unfeel(taken);
                }

                _head = null;
                Feel(phrase, 1);
                _lastFelt = null;
                return;
            }

            _head = entry.Head;
            _lastFelt = null;
            bool passive = _afterPassive;
            _afterPassive = (entry.Kind & WordKind.Passive) != 0;
            if ((entry.Kind & WordKind.Negator) != 0)
            {
                _negation = NegationReach;
                _negations++;
                return;
            }

            if ((entry.Kind & WordKind.Booster) != 0)
            {
                _boost = _boost == 0 ? entry.Boost : _boost * entry.Boost;
                return;
            }

            _undone = _undoing > 0;
            _undoing = Math.Max(_undoing - 1, 0);
            if ((entry.Kind & WordKind.Felt) != 0)
            {
                Feel(entry, (_boost == 0 ? 1 : _boost) * (shouting ? 1.3 : 1) * (_afterBut == 0 ? 1 : _afterBut));
            }

            if ((entry.Kind & WordKind.Undoing) != 0 && _negation == 0)
            {
                Undo(passive);
            }

            _boost = 0;
            if (_negation > 0)
            {
                _negation--;
            }
        }

        /// <summary>A clause ends: a negation or an undoing reaches no further.</summary>
        public void EndClause()
        {
            _negation = 0;
            _undoing = 0;
            _afterPassive = false;
            (_clauseSatisfaction, _clauseCohesion, _clauseValence) = (0, 0, 0);
        }

        /// <summary>
        /// A word that takes away: the good of the next few words (its object: "cancelled the wedding") is heard as lost, and
        /// after a passive ("the project you loved was cancelled") so is the good the clause has named so far.
        /// </summary>
        private void Undo(bool passive)
        {
            if (passive)
            {
                double lost = 1 - NegationScale;
                _satisfaction -= _clauseSatisfaction * lost;
                _cohesion -= _clauseCohesion * lost;
                _heardValence -= _clauseValence * lost;
                (_clauseSatisfaction, _clauseCohesion, _clauseValence) = (0, 0, 0);
            }

            _undoing = UndoingReach;
        }

        /// <summary>A character that is not a letter: punctuation and emoticons.</summary>
        public void Mark(char c, char next)
        {
            switch (c)
            {
                case '!':
                    _exclamations++;
                    break;
                case '?':
                    _questions++;
                    break;
                case ':' or ';' when next is ')' or 'D' or ']':
                    _satisfaction += 0.6;
                    _cohesion += 0.3;
                    _heardValence += 0.5;
                    _hits++;
                    break;
                case ':' or ';' when next is '(' or '[':
                    _satisfaction -= 0.6;
                    _tension += 0.2;
                    _heardValence -= 0.5;
                    _hits++;
                    break;
            }
        }

        public readonly Stimulus Stimulus()
        {
            double exclaim = Math.Min(_exclamations, 4);
            return new Stimulus
            {
                Tension = Squashed(_tension),
                Arousal = Squashed(_arousal + (0.25 * exclaim) + (1.5 * ShoutedShare)),
                Satisfaction = Squashed(_satisfaction),
                Cohesion = Squashed(_cohesion),
            };
        }

        public readonly SpeakerImpression Speaker()
        {
            var felt = Stimulus();
            double words = Math.Sqrt(Math.Max(_words, 1));
            double exclaim = Math.Min(_exclamations, 3);

            double valence = _heardValence + (NegationLean * _negations);
            valence += Math.Sign(valence) * ExclamationEmphasis * exclaim;
            valence = valence / words / Math.Pow(1 + _hits, 0.2);

            double arousal = (_heardArousal / words) + (0.5 * exclaim) + (0.075 * Math.Min(_questions, 3)) + (0.4 * ShoutedShare);
            double evidence = _hits + (0.5 * exclaim) + (3 * ShoutedShare);
            return new SpeakerImpression(
                valence / Math.Sqrt((valence * valence) + HeardValenceSquash),
                arousal / Math.Sqrt((arousal * arousal) + 1),
                Math.Clamp(((0.6 * ShoutedShare) + (0.1 * exclaim) - (0.6 * felt.Tension) - (0.3 * felt.Cohesion)) / 0.8, -1, 1),
                evidence / (evidence + 2));
        }

        private readonly double ShoutedShare => _casedWords == 0 ? 0 : (double)_shouted / _casedWords;

        private void Feel(in LexiconWord entry, double k)
        {
            var w = entry.Weights;
            double t = w.Tension * k, a = w.Arousal * k, s = w.Satisfaction * k, c = w.Cohesion * k;
            double valence = entry.Valence * k, arousal = entry.Arousal * k;
            if (_negation > 0)
            {
                t *= 0.5;
                a *= 0.5;
                s *= NegationScale;
                c *= NegationScale;
                valence *= NegationScale;
                arousal *= 0.5;
            }

            if (_undone)
            {
                // What is taken away: the good of the thing becomes the size of the loss.
                s = s > 0 ? s * NegationScale : s;
                c = c > 0 ? c * NegationScale : c;
                valence = valence > 0 ? valence * NegationScale : valence;
            }

            // Bad is stronger than good (Baumeister et al. 2001; Rozin and Royzman 2001): a loss among kind words still hurts.
            t = t > 0 ? t * NegativityBias : t;
            s = s < 0 ? s * NegativityBias : s;
            c = c < 0 ? c * NegativityBias : c;
            valence = valence < 0 ? valence * HeardNegativityBias : valence;
            _lastFelt = new Felt(t, a, s, c, valence, arousal);
            _tension += t;
            _arousal += a;
            _satisfaction += s;
            _cohesion += c;
            _heardValence += valence;
            _heardArousal += arousal;
            _clauseSatisfaction += Math.Max(s, 0);
            _clauseCohesion += Math.Max(c, 0);
            _clauseValence += Math.Max(valence, 0);
            _hits++;
        }

        /// <summary>Takes back what the last felt word added.</summary>
        private void Unfeel(in Felt f)
        {
            _tension -= f.Tension;
            _arousal -= f.Arousal;
            _satisfaction -= f.Satisfaction;
            _cohesion -= f.Cohesion;
            _heardValence -= f.Valence;
            _heardArousal -= f.HeardArousal;
            _clauseSatisfaction -= Math.Max(f.Satisfaction, 0);
            _clauseCohesion -= Math.Max(f.Cohesion, 0);
            _clauseValence -= Math.Max(f.Valence, 0);
            _hits--;
        }

        /// <summary>Whether a word has letter case at all, and whether it is shouted (three or more letters, all capitals).</summary>
        private static (bool Cased, bool Shouting) Casing(ReadOnlySpan<char> word)
        {
            int upper = 0, lower = 0;
            foreach (char ch in word)
            {
                upper += char.IsUpper(ch) ? 1 : 0;
                lower += char.IsLower(ch) ? 1 : 0;
            }

            return (upper + lower > 0, lower == 0 && upper >= 3);
        }
    }
}
