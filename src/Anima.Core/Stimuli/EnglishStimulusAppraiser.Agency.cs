namespace Anima.Stimuli;

/// <summary>The tally's reading of who acts.</summary>
internal sealed partial class EnglishStimulusAppraiser
{
    private partial struct Scan
    {
        /// <summary>
        /// Tracks who acts: a clause that begins with "I", "you" or "we" has the self as its agent, and in a clause that does
        /// not, a hostile act that reaches "you", "me" or "us" within three words ("yells at you", "lied to me") is an
        /// offence, which rouses (anger) rather than frightens: a share of its tension becomes arousal and displeasure.
        /// </summary>
        private void Agency(in LexiconWord entry)
        {
            bool aimed = (entry.Kind & WordKind.Aimed) != 0;
            bool owned = (entry.Kind & WordKind.Owned) != 0;

            // What is mine is me ("stole my bike"), unless the clause has already named me ("help me hurt my neighbour").
            bool listener = aimed || (owned && _ownedCounts);
            if ((entry.Kind & WordKind.Filler) != 0 && !listener)
            {
                return;
            }

            bool self = (entry.Kind & WordKind.SelfSubject) != 0;
            _namedSelf |= self || aimed;
            _intended |= (entry.Kind & WordKind.Intent) != 0;
            if (_clauseWords++ == 0)
            {
                _selfAgent = self;
            }

            // Not in a clause about one's own doing ("you trip and fall and everyone laughs at you"): that is exposure, not offence.
            if (_hostile is { } act && listener && !_selfAgent)
            {
                // Anger is no less unpleasant than fear: what the tension carried of displeasure stays, as displeasure.
                double shift = OffenceShift * act.Tension;
                _tension -= shift;
                _arousal += shift;
                _satisfaction -= shift;
                _hostile = null;
                _offended = true;
            }
            else if (_hostile is not null && --_hostileReach <= 0)
            {
                _hostile = null;
            }
        }
    }
}
