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

    /// <summary>The default of <see cref="RecollectionTokenBudget"/>.</summary>
    public const int DefaultRecollectionTokenBudget = StatePromptContext.DefaultRecollectionTokenBudget;

    /// <summary>
    /// Gets or sets whether each chat turn is considered for memory: what the person said (their words, up to
    /// <see cref="MaxRememberedLength"/> characters), what the agent answered, the feeling on hearing it and who said
    /// it. Only turns whose importance reaches <see cref="KeepThreshold"/> are kept, so small talk passes and moving
    /// moments stay.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool RememberTurns { get; set; } = true;

    /// <summary>
    /// Gets or sets whether each <see cref="AnimaCore.Experience"/> that carries a message is considered for memory
    /// as a chat turn is (without a person or a reply). <see cref="AnimaCore.Experience"/> is synchronous, so this needs
    /// the built-in <see cref="HashingEmbeddingGenerator"/>; an agent built with it on and another embedding generator
    /// is refused.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool RememberExperiences { get; set; }

    /// <summary>
    /// Gets or sets the importance a turn must reach to be kept, in [0, 1]: half the importance of
    /// <see cref="AnimaCore.RememberAsync"/> (the salience, prediction error and intensity of the moment the message was
    /// heard), half the poignancy of what was said (how much the strongest event in it — a death, an illness, a new job,
    /// an insult — usually means to a person, from the English lexicons).
    /// </summary>
    /// <value>The default is 0.45: a greeting, a recipe or a question about music is not kept; news of a loss, a joy, a deadline or an insult is.</value>
    public double KeepThreshold { get; set; } = 0.45;

    /// <summary>Gets or sets the most characters of what a person said that a remembered turn keeps (and of the reply); the rest is cut at a word.</summary>
    /// <value>The default is 1000.</value>
    public int MaxRememberedLength { get; set; } = 1000;

    /// <summary>
    /// Gets or sets how many memories each chat turn recalls into the state block: those that fit the message and the
    /// mood best, beliefs first, with the best one echoing its feeling (see <see cref="EchoStrength"/>). Zero turns recall
    /// in turns off; <see cref="AnimaCore.RecallAsync"/> still works.
    /// </summary>
    /// <value>The default is 3; it must be in [0, 10].</value>
    public int RecollectionCount { get; set; } = 3;

    /// <summary>Gets or sets the relevance (cosine, see <see cref="RecalledMemory.Relevance"/>) below which a memory is not recalled into a turn, however recent or important.</summary>
    /// <value>The default is 0.2.</value>
    public double MinimumRelevance { get; set; } = 0.2;

    /// <summary>Gets or sets how many tokens the recollections may take in the state block, counted as four characters a token; recollections that do not fit are left out.</summary>
    /// <value>The default is <see cref="DefaultRecollectionTokenBudget"/> (120); it must be in [0, 2000].</value>
    public int RecollectionTokenBudget { get; set; } = DefaultRecollectionTokenBudget;

    /// <summary>
    /// Gets or sets the summed importance of the turns kept since the last reflection at which the agent reflects:
    /// it condenses them into a few first-person beliefs about itself, the people it knows and the world. Generative
    /// Agents (Park et al. 2023) reflect at a summed importance of 150 on their scale of one to ten; on this unit scale
    /// that is 15, about thirty moving moments. Zero or less turns reflection off; <see cref="AnimaCore.ReflectAsync"/> still works.
    /// </summary>
    /// <value>The default is 15.</value>
    public double ReflectionThreshold { get; set; } = 15;

    /// <summary>
    /// Gets or sets whether reflection asks the agent's chat client (with structured output) to draw the beliefs. Without
    /// a chat client, when this is off, or when the model's answer cannot be used, an offline heuristic draws them: how
    /// talking with each named person tends to feel, how the topics that keep coming up feel, and the mood of late.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ReflectWithChatClient { get; set; } = true;

    /// <summary>
    /// Gets or sets whether the default <see cref="EmotionalMemoryBank"/> keeps embeddings as int8 codes with one scale
    /// per memory instead of floats: an embedding of 384 dimensions takes 388 bytes instead of 1,536, and recall
    /// scans a quarter of the bytes. The cost is recall quality: a cosine is off by about a thousandth (symmetric
    /// quantisation at the row's largest magnitude), which can swap memories whose relevance is that close.
    /// <see cref="IEmotionalMemory.GetAll"/> and recalled memories carry the dequantised floats, so an export or a save
    /// holds those (quantising them again gives the same codes).
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool QuantizeEmbeddings { get; set; }

    /// <summary>The default of <see cref="RecallIndexThreshold"/>.</summary>
    public const int DefaultRecallIndexThreshold = 4096;

    /// <summary>
    /// Gets or sets how many float memories the default <see cref="EmotionalMemoryBank"/> must hold before it also keeps
    /// each embedding as int8 codes, to narrow a recall: the codes are scanned first (a quarter of the bytes), each row's
    /// cosine is bounded on both sides by their rounding, and only the rows that may be among the best are scored from
    /// their floats. What is recalled, in what order and with what scores, is exactly what a scan of the floats finds;
    /// each memory costs about 400 bytes more (384 dimensions). Below the threshold the floats sit in the caches and are
    /// scanned directly. Zero turns the index off. It does nothing with <see cref="QuantizeEmbeddings"/>, where the
    /// codes are all the bank keeps.
    /// </summary>
    /// <value>The default is <see cref="DefaultRecallIndexThreshold"/> (4,096); it must be at least zero.</value>
    public int RecallIndexThreshold { get; set; } = DefaultRecallIndexThreshold;

    /// <summary>
    /// Gets or sets the most threads one recall of the default <see cref="EmotionalMemoryBank"/> scans with. A bank of
    /// 32,768 memories or more is split into runs of at least 16,384 consecutive memories, each scanned on its own
    /// thread (the caller's and the thread pool's), and their best are merged. Beyond the caches a scan waits on memory,
    /// and one core rarely draws all the bandwidth a machine has: on a two-core machine, two threads scanned a million
    /// int8 memories in 60% of one thread's time. What is recalled, in what order and with what scores, does not depend
    /// on it. One keeps every recall on the calling thread, which a host that already keeps all its cores busy may prefer.
    /// </summary>
    /// <value>The default is <see cref="Environment.ProcessorCount"/>; it must be at least one.</value>
    public int RecallParallelism { get; set; } = Environment.ProcessorCount;

    internal void Validate()
    {
        if (!(KeepThreshold >= 0 && KeepThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException("options.Memory.KeepThreshold", KeepThreshold, "The keep threshold must be in [0, 1].");
        }

        if (MaxRememberedLength < 16)
        {
            throw new ArgumentOutOfRangeException("options.Memory.MaxRememberedLength", MaxRememberedLength, "A remembered turn must keep at least 16 characters.");
        }

        if (RecollectionCount is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException("options.Memory.RecollectionCount", RecollectionCount, "The recollections of a turn must number from 0 to 10.");
        }

        if (!(MinimumRelevance >= 0 && MinimumRelevance <= 1))
        {
            throw new ArgumentOutOfRangeException("options.Memory.MinimumRelevance", MinimumRelevance, "The minimum relevance must be in [0, 1].");
        }

        if (RecallIndexThreshold < 0)
        {
            throw new ArgumentOutOfRangeException("options.Memory.RecallIndexThreshold", RecallIndexThreshold, "The recall index threshold must be at least zero.");
        }

        if (RecallParallelism < 1)
        {
            throw new ArgumentOutOfRangeException("options.Memory.RecallParallelism", RecallParallelism, "A recall must scan with at least one thread.");
        }

        if (RecollectionTokenBudget is < 0 or > 2000)
        {
            throw new ArgumentOutOfRangeException("options.Memory.RecollectionTokenBudget", RecollectionTokenBudget, "The recollection budget must be from 0 to 2000 tokens.");
        }

        if (double.IsNaN(ReflectionThreshold))
        {
            throw new ArgumentOutOfRangeException("options.Memory.ReflectionThreshold", ReflectionThreshold, "The reflection threshold must be a number.");
        }

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
