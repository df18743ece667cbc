namespace Anima.Stimuli;

/// <summary>The tally's clauses: where they end, what an undoing or a lessening does to what they named, and taking a word back.</summary>
internal sealed partial class EnglishStimulusAppraiser
{
    private partial struct Scan
    {
        /// <summary>A clause ends: a negation or an undoing reaches no further.</summary>
        public void EndClause()
        {
            _negation = 0;
            _verbLead = false;
            _undoing = 0;
            _lessening = 0;
            _harming = 0;
            _lessener = null;
            (_clauseWords, _selfAgent, _hostile, _hostileReach, _namedSelf, _intended, _offended) = (0, false, null, 0, false, false, false);
            (_grieving, _bereft, _clauseTension, _clauseArousal, _formula, _clauseSpan) = (false, false, 0, 0, false, 0);
            _afterPassive = false;
            (_clauseSatisfaction, _clauseCohesion, _clauseValence) = (0, 0, 0);
            (_clauseHarm, _clauseDisunion, _clauseUnpleasant) = (0, 0, 0);
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

        /// <summary>
        /// A passive lessening ("the war was ended", "violence was halted"): the bad the clause has named so far is heard
        /// as relief, as the object of an active one is ("ended the war", "cuts the risk of disease").
        /// </summary>
        /// <returns>Whether the clause had named anything bad.</returns>
        private bool LessenClause()
        {
            bool any = _clauseUnpleasant < 0 || _clauseHarm < 0;
            double lost = 1 - NegationScale;
            _satisfaction -= _clauseHarm * lost;
            _cohesion -= _clauseDisunion * lost;
            _heardValence -= _clauseUnpleasant * (1 + HeardRelief);
            (_clauseHarm, _clauseDisunion, _clauseUnpleasant) = (0, 0, 0);
            return any;
        }

        /// <summary>
        /// A rescue told as done ("freed", "found alive"): the bad the clause has named ("the boy missing since May") is over,
        /// and no taking-away it named ("missing") reaches the rescue itself.
        /// </summary>
        /// <returns>Whether the clause had named anything bad.</returns>
        private bool Rescue()
        {
            (_undone, _undoing) = (false, 0);
            return LessenClause();
        }

        /// <summary>Stir heard within a loss: it stills (half of it lowers arousal) and saddens (half of it takes satisfaction).</summary>
        private static (double Arousal, double Satisfaction) Grieved(double arousal, double satisfaction, double stir) =>
            (arousal - (GriefShare * stir), satisfaction - (GriefShare * stir));

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
            _clauseHarm -= Math.Min(f.Satisfaction, 0);
            _clauseDisunion -= Math.Min(f.Cohesion, 0);
            _clauseUnpleasant -= Math.Min(f.Valence, 0);
            _clauseTension -= Math.Max(f.Tension, 0);
            _clauseArousal -= Math.Max(f.Arousal, 0);
            _hits--;
        }
    }
}
