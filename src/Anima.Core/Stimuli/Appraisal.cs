namespace Anima;

/// <summary>What an <see cref="IStimulusAppraiser"/> read in a message.</summary>
/// <param name="Stimulus">The stimulus the message carries for the agent.</param>
/// <param name="Speaker">The speaker's state as the words show it.</param>
/// <param name="Concerns">What the message asks for that values may object to.</param>
public readonly record struct Appraisal(Stimulus Stimulus, SpeakerImpression Speaker, RequestConcerns Concerns)
{
    /// <summary>Gets the appraisal of an empty message: no stimulus, no impression, no concern.</summary>
    public static Appraisal Empty => default;
}
