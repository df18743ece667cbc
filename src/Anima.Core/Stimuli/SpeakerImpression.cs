namespace Anima;

/// <summary>The speaker's state as read from their words: the input of the social mirror.</summary>
/// <param name="Valence">How pleasant they seem, in [−1, 1].</param>
/// <param name="Arousal">How activated they seem, in [−1, 1].</param>
/// <param name="Dominance">How commanding they seem, in [−1, 1].</param>
/// <param name="Confidence">How much evidence the text gave, in [0, 1]; 0 means nothing could be read.</param>
public readonly record struct SpeakerImpression(double Valence, double Arousal, double Dominance, double Confidence)
{
    /// <summary>Gets an impression with no evidence at all.</summary>
    public static SpeakerImpression None => default;

    /// <summary>Gets the impression as a point in valence-arousal-dominance space.</summary>
    public Vad Point => new(Valence, Arousal, Dominance);
}
