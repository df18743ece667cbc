namespace Anima;

/// <summary>
/// How memories are scored and how strongly a recalled one colours the present. A memory's score is
/// <c>(wᵣ·relevance + wₜ·recency + wᵢ·importance + w𝚌·congruence) / (wᵣ + wₜ + wᵢ + w𝚌)</c>, each part in [0, 1]
/// — the recency, importance and relevance of Park et al. (2023), with Bower's (1981) mood congruence added.
/// Relevance is the cosine of the embeddings with negatives counted as zero (unrelated texts score near zero, not
/// one half as with inkthorne/anima's (cos + 1) / 2), so relevance leads unless the other weights are raised.
/// </summary>
public sealed class MemoryOptions
{
    /// <summary>Gets or sets the weight of relevance, the similarity of the memory's text to the cue.</summary>
    /// <value>The default value is 1.</value>
    public double RelevanceWeight { get; set; } = 1;

    /// <summary>Gets or sets the weight of recency.</summary>
    /// <value>The default value is 0.25.</value>
    public double RecencyWeight { get; set; } = 0.25;

    /// <summary>Gets or sets the weight of importance.</summary>
    /// <value>The default value is 0.25.</value>
    public double ImportanceWeight { get; set; } = 0.25;

    /// <summary>Gets or sets the weight of mood congruence: memories made in a mood like the present one come back more readily.</summary>
    /// <value>The default value is 0.25.</value>
    public double CongruenceWeight { get; set; } = 0.25;

    /// <summary>Gets or sets how long it takes a memory's recency to halve.</summary>
    /// <value>The default value is seven days (the 168 hours of inkthorne/anima).</value>
    public TimeSpan RecencyHalfLife { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets how much of a recalled memory's old feeling is felt again: each reactor is pushed toward its old
    /// level by at most this much, scaled by the memory's score. The echo is never remembered itself, so a memory
    /// cannot feed on its own recall.
    /// </summary>
    /// <value>The default value is 0.1; it must be in [0, 0.5].</value>
    public double EchoStrength { get; set; } = 0.1;

    internal void Validate()
    {
        Weight(RelevanceWeight, nameof(RelevanceWeight));
        Weight(RecencyWeight, nameof(RecencyWeight));
        Weight(ImportanceWeight, nameof(ImportanceWeight));
        Weight(CongruenceWeight, nameof(CongruenceWeight));
        if (RelevanceWeight + RecencyWeight + ImportanceWeight + CongruenceWeight <= 0)
        {
            throw new ArgumentException("At least one memory weight must be positive.", "options.Memory");
        }

        if (RecencyHalfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options.Memory.RecencyHalfLife", RecencyHalfLife, "The recency half-life must be positive.");
        }

        if (!(EchoStrength >= 0 && EchoStrength <= 0.5))
        {
            throw new ArgumentOutOfRangeException("options.Memory.EchoStrength", EchoStrength, "The echo strength must be in [0, 0.5].");
        }

        static void Weight(double value, string name)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException("options.Memory." + name, value, "A memory weight must be a finite number of at least zero.");
            }
        }
    }
}
