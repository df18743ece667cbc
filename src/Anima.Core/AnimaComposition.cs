using Anima.Agency;
using Anima.Character;
using Anima.Emotions;
using Anima.Engine;
using Anima.Metrics;
using Anima.Narration;
using Anima.Reactors;
using Anima.Stimuli;

namespace Anima;

/// <summary>How an agent's options become its parts: checked once, at the edge, and each layer's implementation chosen.</summary>
internal static class AnimaComposition
{
    /// <summary>Checks the options an agent is built with.</summary>
    /// <returns>The memory options in force.</returns>
    /// <exception cref="ArgumentNullException">A required option is null; the message names it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range; the message names it.</exception>
    public static MemoryOptions Check(AnimaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Personality, "options.Personality");
        ArgumentNullException.ThrowIfNull(options.Values, "options.Values");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ArgumentNullException.ThrowIfNull(options.Profile, "options.Profile");
        ArgumentNullException.ThrowIfNull(options.Emotions, "options.Emotions");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HistoryTokenBudget, 1, "options.HistoryTokenBudget");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BaseOutputTokens, 1, "options.BaseOutputTokens");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxImportBytes, 64 * 1024, "options.MaxImportBytes");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Name, "options.Name");
        if (options.EventJournalCapacity is < 16 or > 1 << 20)
        {
            throw new ArgumentOutOfRangeException("options.EventJournalCapacity", options.EventJournalCapacity, "The event journal's capacity must be in [16, 1,048,576].");
        }
        var memoryOptions = options.MemoryOptions ?? new MemoryOptions();
        memoryOptions.Validate();
        if (memoryOptions.RememberExperiences && options.Embeddings is not (null or HashingEmbeddingGenerator))
        {
            throw new ArgumentException(
                $"MemoryOptions.RememberExperiences needs the built-in HashingEmbeddingGenerator, for Experience is synchronous; this agent's embedding generator is {options.Embeddings.GetType().Name}. Turn it off, or remember experiences with RememberAsync.",
                "options.MemoryOptions");
        }

        return memoryOptions;
    }

    /// <summary>The engine's setup: who the agent is, and every layer, the options' own or the default.</summary>
    /// <exception cref="ArgumentException">The prediction model asks for a negative state length.</exception>
    public static EngineSetup Engine(AnimaOptions options, int seed)
    {
        var prediction = options.Prediction ?? GaussianPredictionModel.Instance;
        var personalityModel = options.PersonalityModel ?? BigFivePersonalityModel.Instance;
        int length = prediction.StateLength(options.Profile.Count);
        if (length < 0)
        {
            throw new ArgumentException($"The prediction model asked for a negative state length ({length}).", nameof(options));
        }

        return new(
            options.Profile,
            options.Emotions,
            options.Personality,
            options.Values,
            options.TimeProvider,
            seed,
            options.Reactor ?? (options.PersonalityModel is null ? HalfLifeReactor.Instance : new HalfLifeReactor(personalityModel)),
            options.EmotionMap ?? AdaptiveEmotionMap.Instance,
            options.Integration ?? GaussianIntegrationCalculator.Instance,
            prediction,
            options.Veto ?? ValueVeto.Instance,
            options.Narrator ?? PhrasebookNarrator.Instance,
            options.Appraiser ?? EnglishStimulusAppraiser.Instance,
            personalityModel,
            options.EgoDefense ?? DefenseSelector.Instance);
    }
}
