namespace Anima;

/// <summary>
/// The appraisal stage of the pipeline: turns message text into a <see cref="Stimulus"/>, an impression
/// of the speaker and the concerns the request raises.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and keep their cost bounded for arbitrarily long messages.
/// The default is an English lexicon appraiser; plug in another language or an LLM-backed appraiser
/// through <see cref="AnimaOptions.Appraiser"/>.
/// </remarks>
public interface IStimulusAppraiser
{
    /// <summary>Appraises one message.</summary>
    /// <param name="message">The message text.</param>
    /// <returns>What the message carries.</returns>
    Appraisal Appraise(ReadOnlySpan<char> message);
}
