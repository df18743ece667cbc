namespace Anima.Stimuli;

/// <summary>The tally's marks and its two readings: what the listener feels (the stimulus) and what it hears of the speaker.</summary>
internal sealed partial class EnglishStimulusAppraiser
{
    private partial struct Scan
    {
        /// <summary>The sentence being read asks for agreement: its question mark does not make what it names less sure.</summary>
        public void Asserting() => _asserting = true;

        /// <summary>A character that is not a letter: punctuation and emoticons.</summary>
        public void Mark(char c, char next)
        {
            switch (c)
            {
                case '!':
                    _exclamations++;
                    (_sentenceMark, _asserting) = (_heardValence, false);
                    break;
                case '?':
                    _questions++;
                    _heardValence = _asserting ? _heardValence : _sentenceMark + (QuestionWeight * (_heardValence - _sentenceMark));
                    (_sentenceMark, _asserting) = (_heardValence, false);
                    break;
                case '.' or '\n':
                    (_sentenceMark, _asserting) = (_heardValence, false);
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

        /// <summary>What the listener hears of the speaker, given what it feels (<see cref="Stimulus"/> of the same tally).</summary>
        public readonly SpeakerImpression Speaker(in Stimulus felt)
        {
            double words = Math.Sqrt(Math.Max(_words, 1));
            double exclaim = Math.Min(_exclamations, 3);

            double valence = _heardValence + (NegationLean * _negations);
            valence += Math.Sign(valence) * ExclamationEmphasis * exclaim;
            valence = valence / Dilution.Length(Math.Max(_words, 1)) / Dilution.Evidence(1 + _hits);

            double arousal = (_heardArousal / words) + (0.5 * exclaim) + (0.075 * Math.Min(_questions, 3)) + (0.4 * ShoutedShare);
            double evidence = _hits + (0.5 * exclaim) + (3 * ShoutedShare);
            return new SpeakerImpression(
                valence / Math.Sqrt((valence * valence) + HeardValenceSquash),
                arousal / Math.Sqrt((arousal * arousal) + 1),
                Math.Clamp(((0.6 * ShoutedShare) + (0.1 * exclaim) - (0.6 * felt.Tension) - (0.3 * felt.Cohesion)) / 0.8, -1, 1),
                evidence / (evidence + 2));
        }

        private readonly double ShoutedShare => _casedWords == 0 ? 0 : (double)_shouted / _casedWords;
    }

    /// <summary>
    /// How a message's length and its felt words dilute its heard valence, worked out once for the counts most messages
    /// have (the same <see cref="Math.Pow(double, double)"/> values, looked up instead of computed twice a message).
    /// </summary>
    private static class Dilution
    {
        private const int Listed = 256;
        private static readonly double[] Lengths = Table(HeardLengthExponent);
        private static readonly double[] Evidences = Table(HeardEvidenceExponent);

        /// <summary>words^<see cref="HeardLengthExponent"/>.</summary>
        public static double Length(int words) => (uint)words < Listed ? Lengths[words] : Math.Pow(words, HeardLengthExponent);

        /// <summary>count^<see cref="HeardEvidenceExponent"/>.</summary>
        public static double Evidence(int count) => (uint)count < Listed ? Evidences[count] : Math.Pow(count, HeardEvidenceExponent);

        private static double[] Table(double exponent)
        {
            var table = new double[Listed];
            for (int n = 0; n < Listed; n++)
            {
                table[n] = Math.Pow(n, exponent);
            }

            return table;
        }
    }
}
