namespace Anima.Stimuli;

/// <summary>The running tally of one message's feeling: words, negation, intensity, contrast, what is taken away or lessened, and punctuation.</summary>
internal sealed partial class EnglishStimulusAppraiser
{
    /// <summary>One felt word's share of the tally.</summary>
    private readonly record struct Felt(double Tension, double Arousal, double Satisfaction, double Cohesion, double Valence, double HeardArousal);

    /// <summary>The running tally of the feeling of one message.</summary>
    private partial struct Scan
    {
        private int _exclamations, _questions;
        private double _tension, _arousal, _satisfaction, _cohesion;
        private double _heardValence, _heardArousal;

        /// <summary>The heard valence when the sentence being read began, so a question can be weighed as a whole.</summary>
        private double _sentenceMark;

        /// <summary>Whether the sentence being read asks for agreement ("Wouldn't that be wonderful?"), and so asserts what it asks.</summary>
        private bool _asserting;
        private double _boost, _afterBut;
        private int _negation, _negations, _undoing, _lessening;
        private bool _afterPassive, _undone, _lessened;

        /// <summary>How many more words a hostile act reaches, whose good the listener feels as harmed, and whether this word is one.</summary>
        private int _harming;
        private bool _harmed;

        /// <summary>Whether the last word was one after which "like" is a verb.</summary>
        private bool _verbLead;

        /// <summary>What the clause so far has added of good (satisfaction, cohesion, heard valence), which a passive undoing takes away.</summary>
        private double _clauseSatisfaction, _clauseCohesion, _clauseValence;

        /// <summary>What the clause so far has added of bad (unpleasantness, disunion, heard unpleasantness), which a passive lessening turns to relief.</summary>
        private double _clauseHarm, _clauseDisunion, _clauseUnpleasant;

        /// <summary>What the lessening word itself felt ("cut", "fight"), taken back once it is heard to take away something bad.</summary>
        private Felt? _lessener;
        private int _words, _casedWords, _shouted, _hits;
        private string? _head;
        private Felt? _lastFelt;

        /// <summary>Who acts in the clause, as far as agency tells emotions apart (Smith and Ellsworth 1985): the words read in it, whether it began with "I", "you" or "we", and the last hostile act not yet seen to be aimed at the listener.</summary>
        private int _clauseWords;
        private bool _selfAgent;
        private Felt? _hostile;
        private int _hostileReach;
        private bool _namedSelf, _ownedCounts;

        /// <summary>Whether the clause has named an offence aimed at the listener: what it goes on to name of threat is heard within that anger ("blamed you for his mistake").</summary>
        private bool _offended;

        /// <summary>Whether the clause has named a loss (<see cref="WordKind.Loss"/>: "died", "funeral", "passed away").</summary>
        private bool _grieving, _bereft;

        /// <summary>Whether the word being read follows "get" or "got": a loss word there names a plight still going on ("got lost").</summary>
        private bool _afterGet, _lastWasGet;

        /// <summary>The stir (tension and arousal) the clause's words have carried so far, which a loss told as done takes over.</summary>
        private double _clauseTension, _clauseArousal;

        /// <summary>Whether the clause is a letter's salutation or closing (<see cref="WordKind.Formula"/>), opened by one or closed by one as its second word.</summary>
        private bool _formula;

        /// <summary>How many words the clause has read, fillers included.</summary>
        private int _clauseSpan;

        /// <summary>Whether the clause speaks of an intention ("I want to poison", "he is going to hurt me"): a threat or a wish, not a deed done.</summary>
        private bool _intended;

        public void Word(ReadOnlySpan<char> word, LetterCase casing, in LexiconWord entry)
        {
            _words++;
            _afterGet = _lastWasGet;
            _lastWasGet = (entry.Kind & WordKind.Get) != 0;
            bool asVerb = _verbLead;
            _verbLead = (entry.Kind & (WordKind.VerbLead | WordKind.Negator)) != 0;
            if ((entry.Kind & WordKind.Formula) != 0 && !_formula && (_clauseSpan == 0 || (_clauseSpan == 1 && (entry.Kind & WordKind.Salutation) == 0)))
            {
                // "Warm regards," and "Yours sincerely,": the word before a closing was part of it ("oh dear" is no salutation).
                if (_clauseSpan == 1 && _lastFelt is { } prior)
                {
                    Unfeel(prior);
                }

                _formula = true;
            }

            _clauseSpan++;
            Agency(entry);
            bool shouting = (casing & LetterCase.Shouted) != 0;
            _casedWords += (casing & LetterCase.Cased) != 0 ? 1 : 0;
            _shouted += shouting ? 1 : 0;
            if (_formula)
            {
                // "Dear Friend of Wildlife," and "Sincerely," are how a letter opens and closes, and tell nothing of feeling.
                (_head, _lastFelt) = (null, null);
                return;
            }

            if ((entry.Kind & WordKind.But) != 0)
            {
                _tension *= 0.5;
                _arousal *= 0.5;
                _satisfaction *= 0.5;
                _cohesion *= 0.5;
                _heardValence *= 0.5;
                _sentenceMark *= 0.5;
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
                if ((phrase.Kind & WordKind.Relief) != 0 && _negation == 0)
                {
                    Rescue();
                }

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
                // "Nobody" is the clause's subject: all that it is said to do is not done ("nobody came to my birthday party").
                _negation = (entry.Kind & WordKind.Nobody) != 0 ? int.MaxValue : NegationReach;
                _negations++;
                return;
            }

            if ((entry.Kind & WordKind.Booster) != 0)
            {
                _boost = _boost == 0 ? entry.Boost : _boost * entry.Boost;
                return;
            }

            _undone = _undoing > 0;
            _lessened = _lessening > 0;
            _harmed = _harming > 0;
            if ((entry.Kind & WordKind.Filler) == 0)
            {
                _harming = Math.Max(_harming - 1, 0);
                _undoing = Math.Max(_undoing - 1, 0);
                _lessening = Math.Max(_lessening - 1, 0);
            }

            bool negated = _negation > 0;
            bool lessens = (entry.Kind & WordKind.Lessening) != 0 && !negated;
            bool wanes = (entry.Kind & WordKind.Waning) != 0 && !negated;
            bool rescued = (entry.Kind & WordKind.Relief) != 0 && !negated;
            bool relieved = rescued ? Rescue() : ((lessens && passive) || wanes) && LessenClause();

            // A waning or lessening verb's own sting ("weakens", "was cut") was the bad subject's, which it has turned to relief.
            if ((entry.Kind & WordKind.Felt) != 0 && !(relieved && entry.Valence < 0) && (asVerb || (entry.Kind & WordKind.VerbOnly) == 0))
            {
                Feel(entry, (_boost == 0 ? 1 : _boost) * (shouting ? 1.3 : 1) * (_afterBut == 0 ? 1 : _afterBut));
            }

            if (negated && (entry.Kind & (WordKind.Lessening | WordKind.Undoing | WordKind.Waning)) != 0)
            {
                // The negation was the verb's: what "didn't end" or "never lost" governs keeps its own sign.
                _negation = 0;
            }

            if (wanes)
            {
                // Only the subject wanes: what follows ("fell in love") is not taken.
                Undo(passive: true);
                _undoing = 0;
            }
            else if ((entry.Kind & WordKind.Undoing) != 0 && !negated)
            {
                Undo(passive);
            }

            if (lessens)
            {
                _lessening = UndoingReach;
                _lessener = _lastFelt;
            }

            _boost = 0;
            if ((entry.Kind & WordKind.And) != 0)
            {
                // "and" begins the next thing said: "borrowed your car without asking and crashed it" crashed it.
                _negation = 0;
            }

            if (_negation > 0)
            {
                _negation--;
            }
        }

        private void Feel(in LexiconWord entry, double k)
        {
            if ((entry.Kind & WordKind.Rival) != 0 && _negation == 0)
            {
                // Jealousy: the good the clause named ("danced all night", "spends every evening") is another's now.
                Undo(passive: true);
            }

            var w = entry.Weights;
            double t = w.Tension * k, a = w.Arousal * k, s = w.Satisfaction * k, c = w.Cohesion * k;
            double valence = entry.Valence * k, arousal = entry.Arousal * k;

            // How much the word's valence was scaled: its heard strength is |valence|^1.2, worked out once per entry.
            double scaled = k;
            if (_negation > 0)
            {
                t *= 0.5;
                a *= s > 0 && a > 0 ? NegationScale : 0.5;
                s *= NegationScale;
                c *= NegationScale;
                valence *= HeardNegationScale;
                scaled *= HeardNegationScale;
                arousal *= 0.5;
            }

            if (_lessened && (valence < 0 || s < 0))
            {
                // What is lessened or overcome: the bad of the thing becomes relief, and the lessening word's own sting
                // ("cut", "fight") was about the bad thing, not the listener.
                t *= 0.5;
                s = s < 0 ? s * NegationScale : s;
                c = c < 0 ? c * NegationScale : c;
                (valence, scaled) = valence < 0 ? (valence * -HeardRelief, scaled * -HeardRelief) : (valence, scaled);
                if (_lessener is { } verb && verb.Valence < 0)
                {
                    Unfeel(verb);
                }

                // The object is a bad thing: the good words within it ("the risk of heart disease") are not taken away.
                _lessener = null;
                _undoing = 0;
            }
            else if (_undone && (valence > 0 || s > 0))
            {
                // What is taken away: the good of the thing becomes the size of the loss, and the bad within it is not relief.
                s = s > 0 ? s * NegationScale : s;
                c = c > 0 ? c * NegationScale : c;
                (valence, scaled) = valence > 0 ? (valence * NegationScale, scaled * NegationScale) : (valence, scaled);
                _lessening = 0;
            }
            else if (_harmed && s > 0)
            {
                s *= NegationScale;
                c = c > 0 ? c * NegationScale : c;
            }

            // Bad is stronger than good (Baumeister et al. 2001; Rozin and Royzman 2001): a loss among kind words still hurts.
            t = t > 0 ? t * NegativityBias : t;
            s = s < 0 ? s * NegativityBias : s;
            c = c < 0 ? c * NegativityBias : c;
            scaled = Math.Abs(scaled);
            valence = Math.CopySign(entry.HeardStrength * (scaled == 1 ? 1 : Math.Pow(scaled, HeardIntensityExponent)), valence);
            valence = valence < 0 ? valence * HeardNegativityBias : valence;
            if (_offended && t > 0)
            {
                double shift = OffenceShift * t;
                (t, a, s) = (t - shift, a + shift, s - shift);
            }

            if (!_grieving && (entry.Kind & WordKind.Loss) != 0 && !_afterGet && _negation == 0 && !_lessened && !_undone)
            {
                // A loss: what the clause goes on to name of threat ("died of cancer") is over, and is heard as the loss's
                // weight. A loss told as done ("died", "was killed") also takes over its own threat and the threat named
                // before it, and what the clause named as good is felt as lost ("my best friend died": its satisfaction
                // turns, its closeness is gone); a loss named as a topic ("afraid of death") leaves the fear before it a fear.
                _grieving = true;
                if ((entry.Kind & WordKind.LossTold) != 0)
                {
                    _bereft = true;
                    double own = Math.Max(t, 0) + Math.Max(a, 0);
                    (t, a) = (Math.Min(t, 0), Math.Min(a, 0));
                    (a, s) = Grieved(a, s, own);
                    double lost = 1 - NegationScale;
                    _tension -= _clauseTension;
                    _arousal -= _clauseArousal;
                    (_arousal, _satisfaction) = Grieved(_arousal, _satisfaction, _clauseTension + _clauseArousal);
                    _satisfaction -= _clauseSatisfaction * lost;
                    _cohesion -= _clauseCohesion;
                    (_clauseSatisfaction, _clauseCohesion) = (0, 0);
                }
            }
            else if (_grieving)
            {
                if (_bereft)
                {
                    // The good a loss told as done goes on to name ("died after forty happy years together") is what was lost,
                    // to the listener and in the speaker's voice.
                    s = s > 0 ? s * NegationScale : s;
                    c = Math.Min(c, 0);
                    valence = valence > 0 ? valence * NegationScale : valence;
                }

                double stir = Math.Max(t, 0) + Math.Max(a, 0);
                (t, a) = (Math.Min(t, 0), Math.Min(a, 0));
                (a, s) = Grieved(a, s, stir);
            }

            _lastFelt = new Felt(t, a, s, c, valence, arousal);
            if ((c < HostileCohesion || (valence < 0 && (entry.Kind & (WordKind.Concern | WordKind.Offence)) != 0)) && _negation == 0 && !_intended)
            {
                if (_selfAgent && _clauseWords <= 3)
                {
                    // One's own hostile act ("you yelled at your child"): remorse, which lowers and stills rather than rouses.
                    double shift = AgencyShift * a;
                    (t, a) = (t + shift, a - shift);
                    _lastFelt = new Felt(t, a, s, c, valence, arousal);
                }
                else
                {
                    (_hostile, _hostileReach, _ownedCounts) = (_lastFelt, 3, !_namedSelf);
                }

                // Whom or what a hostile act harms ("lied to your best friend") is harmed: the listener feels its good as
                // the harm's weight. The speaker's valence keeps the words' own (EmoBank dev fell 0.006 when it did not).
                _harming = UndoingReach;
            }

            _tension += t;
            _arousal += a;
            _satisfaction += s;
            _clauseTension += Math.Max(t, 0);
            _clauseArousal += Math.Max(a, 0);
            _cohesion += c;
            _heardValence += valence;
            _heardArousal += arousal;
            _clauseSatisfaction += Math.Max(s, 0);
            _clauseCohesion += Math.Max(c, 0);
            _clauseValence += Math.Max(valence, 0);
            _clauseHarm += Math.Min(s, 0);
            _clauseDisunion += Math.Min(c, 0);
            _clauseUnpleasant += Math.Min(valence, 0);
            _hits++;
        }
    }
}
