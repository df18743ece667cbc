namespace Anima;

/// <summary>One emotion of a blend and its share of the feeling.</summary>
/// <param name="Emotion">The emotion's label.</param>
/// <param name="Weight">Its share, in (0, 1]; the shares of a blend sum to 1 and the primary's is the largest.</param>
public readonly record struct EmotionWeight(string Emotion, double Weight);
