using Anima;

namespace AnimaChat.Export;

/// <summary>One moment of a session: what happened and how the agent was afterwards.</summary>
/// <param name="Turn">The position in the session, from zero (the agent as it started).</param>
/// <param name="At">When, by the agent's clock.</param>
/// <param name="Kind"><c>start</c>, <c>chat</c>, <c>unanswered</c> (heard, but the model failed or the turn was cancelled), a command such as <c>stress</c>, or <c>reset</c>.</param>
/// <param name="Input">What the user typed, if anything.</param>
/// <param name="Reply">What the agent answered, if anything.</param>
/// <param name="Emotion">The primary emotion felt.</param>
/// <param name="Expressed">The emotion shown, which display rules may soften.</param>
/// <param name="Valence">Pleasure, in [-1, 1].</param>
/// <param name="Arousal">Activation, in [-1, 1].</param>
/// <param name="Dominance">Sense of control, in [-1, 1].</param>
/// <param name="Reactors">Each reactor's level, in [0, 1], by channel.</param>
/// <param name="Intention">What the agent means to do, in words.</param>
/// <param name="Defense">The ego defense at work, if any.</param>
/// <param name="Phi">Integration φ, in [0, 1].</param>
/// <param name="Frustration">Frustration, in [0, 1].</param>
/// <param name="Narrative">The agent's own sentence about the moment.</param>
internal sealed record SessionEntry(
    int Turn,
    DateTimeOffset At,
    string Kind,
    string? Input,
    string? Reply,
    string Emotion,
    string Expressed,
    double Valence,
    double Arousal,
    double Dominance,
    IReadOnlyDictionary<string, double> Reactors,
    string? Intention,
    string? Defense,
    double Phi,
    double Frustration,
    string Narrative)
{
    /// <summary>Takes the parts of a state worth keeping.</summary>
    /// <param name="turn">The position in the session.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="input">What the user typed.</param>
    /// <param name="reply">What the agent answered.</param>
    /// <param name="state">The agent's state afterwards.</param>
    /// <returns>The entry.</returns>
    public static SessionEntry From(int turn, string kind, string? input, string? reply, AnimaState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var reactors = new Dictionary<string, double>(state.Reactors.Count, StringComparer.Ordinal);
        foreach (var reading in state.Reactors)
        {
            reactors[reading.Channel] = Math.Round(reading.Level, 4);
        }

        return new SessionEntry(
            turn,
            state.Timestamp,
            kind,
            input,
            reply,
            state.Primary,
            state.Expressed,
            Math.Round(state.Vad.Valence, 4),
            Math.Round(state.Vad.Arousal, 4),
            Math.Round(state.Vad.Dominance, 4),
            reactors,
            state.Intention is { } intention ? Words.Of(intention.Goal) : null,
            state.Defense?.ToString().ToLowerInvariant(),
            Math.Round(state.Phi, 4),
            Math.Round(state.Frustration, 4),
            state.Narrative);
    }
}
