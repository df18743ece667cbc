namespace Anima;

/// <summary>A memory brought back by a cue, with the parts of its score.</summary>
/// <param name="Memory">The memory.</param>
/// <param name="Score">The weighted score it was ranked by (see <see cref="MemoryOptions"/>).</param>
/// <param name="Relevance">How close its text is to the cue: the cosine of the two embeddings, negatives counted as zero, in [0, 1].</param>
/// <param name="Recency">How fresh it is: one half per <see cref="MemoryOptions.RecencyHalfLife"/> of age, in (0, 1].</param>
/// <param name="Congruence">How near its feeling is to the present mood, in [0, 1] (Bower 1981).</param>
public readonly record struct RecalledMemory(EmotionalMemory Memory, double Score, double Relevance, double Recency, double Congruence);
