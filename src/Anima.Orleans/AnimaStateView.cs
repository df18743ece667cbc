using System.Collections.Immutable;

namespace Anima.Orleans;

/// <summary>
/// What an agent grain reports of its inner state after a call: the felt emotion, its point in valence-arousal-dominance
/// space, the measures of the moment and the level of every reactor channel. A copy that travels between silos and
/// clients; the full <see cref="AnimaState"/> stays inside the grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("Anima.Orleans.AnimaStateView")]
public sealed record AnimaStateView
{
    /// <summary>The agent's id (the grain's key).</summary>
    [Id(0)] public required string AgentId { get; init; }

    /// <summary>The primary emotion of the blend (for example <c>"Joy"</c>).</summary>
    [Id(1)] public required string Primary { get; init; }

    /// <summary>What the agent shows, after its ego defense (see <see cref="AnimaState.Expressed"/>).</summary>
    [Id(2)] public required string Expressed { get; init; }

    /// <summary>Valence of the felt point, in [−1, 1].</summary>
    [Id(3)] public double Valence { get; init; }

    /// <summary>Arousal of the felt point, in [−1, 1].</summary>
    [Id(4)] public double Arousal { get; init; }

    /// <summary>Dominance of the felt point, in [−1, 1].</summary>
    [Id(5)] public double Dominance { get; init; }

    /// <summary>How strongly the emotion is felt, in [0, 1].</summary>
    [Id(6)] public double Intensity { get; init; }

    /// <summary>Integration φ of the recent history, in [0, 1].</summary>
    [Id(7)] public double Phi { get; init; }

    /// <summary>The prediction error of the last experience.</summary>
    [Id(8)] public double PredictionError { get; init; }

    /// <summary>Free energy: the running surprise plus the model's complexity.</summary>
    [Id(9)] public double FreeEnergy { get; init; }

    /// <summary>The first-person narrative of the moment (words, never numbers).</summary>
    [Id(10)] public required string Narrative { get; init; }

    /// <summary>How many experiences the agent has lived.</summary>
    [Id(11)] public long ExperienceCount { get; init; }

    /// <summary>When the state was computed, on the agent's clock.</summary>
    [Id(12)] public DateTimeOffset Timestamp { get; init; }

    /// <summary>The level of every reactor channel, by channel name (for example <c>"oxytocin"</c>), in [0, 1].</summary>
    [Id(13)] public required ImmutableDictionary<string, double> Levels { get; init; }

    /// <summary>The need behind the strongest drive (for example <see cref="Anima.Need.Connection"/>), if the agent wants anything.</summary>
    [Id(14)] public Need? StrongestNeed { get; init; }

    /// <summary>The strength of the strongest drive, in [0, 1]; 0 when the agent wants nothing.</summary>
    [Id(15)] public double NeedStrength { get; init; }

    /// <summary>Copies what callers of a grain need from an agent's state.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="state">The state.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agentId"/> or <paramref name="state"/> is <see langword="null"/>.</exception>
    public static AnimaStateView From(string agentId, AnimaState state)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(state);
        var levels = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var reading in state.Reactors)
        {
            levels[reading.Channel] = reading.Level;
        }

        Drive? strongest = state.Drives.Count == 0 ? null : state.Drives.MaxBy(d => d.Strength);
        return new AnimaStateView
        {
            AgentId = agentId,
            Primary = state.Primary,
            Expressed = state.Expressed,
            Valence = state.Vad.Valence,
            Arousal = state.Vad.Arousal,
            Dominance = state.Vad.Dominance,
            Intensity = state.Intensity,
            Phi = state.Phi,
            PredictionError = state.PredictionError,
            FreeEnergy = state.FreeEnergy,
            Narrative = state.Narrative,
            ExperienceCount = state.ExperienceCount,
            Timestamp = state.Timestamp,
            Levels = levels.ToImmutable(),
            StrongestNeed = strongest?.Need,
            NeedStrength = strongest?.Strength ?? 0,
        };
    }
}
