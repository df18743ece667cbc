namespace Anima;

/// <summary>The appraisers the library ships, for use outside an agent (to read a text as an agent would hear it).</summary>
public static class StimulusAppraisers
{
    /// <summary>
    /// Gets the English appraiser every agent uses unless its options name another: the VADER lexicon and the library's
    /// world lexicon, with negation, intensifiers and requests; its <see cref="Appraisal.Speaker"/> is the heard
    /// valence, arousal and dominance of the text. Thread-safe and shared.
    /// </summary>
    public static IStimulusAppraiser English => Stimuli.EnglishStimulusAppraiser.Instance;
}
