namespace Anima;

/// <summary>
/// What a chat turn knows beside the state when its block is written: who is speaking and how the agent stands with
/// them, and the memories the message brought back.
/// </summary>
public sealed class StatePromptContext
{
    /// <summary>Gets a context with no person and no recollection: what <see cref="AnimaCore.GetStatePrompt"/> writes.</summary>
    public static StatePromptContext None { get; } = new();

    /// <summary>Gets how the agent stands with the person speaking, after their message; null when the turn names no person.</summary>
    public Relationship? Relationship { get; init; }

    /// <summary>Gets how long it had been since the person last spoke to the agent; null for a first meeting or a turn without a person.</summary>
    public TimeSpan? SinceLastSpoke { get; init; }

    /// <summary>Gets the memories the message brought back, the most fitting first; beliefs before moments.</summary>
    public IReadOnlyList<Recollection> Recollections { get; init; } = [];

    /// <summary>Gets how many tokens the recollections may take in the block (<see cref="MemoryOptions.RecollectionTokenBudget"/>).</summary>
    /// <value>The default is <see cref="DefaultRecollectionTokenBudget"/>.</value>
    public int RecollectionTokenBudget { get; init; } = DefaultRecollectionTokenBudget;

    /// <summary>The recollections' default token budget: about two or three recollections.</summary>
    public const int DefaultRecollectionTokenBudget = 120;
}

/// <summary>A memory as the block may recall it: words and feeling, never an id or a score.</summary>
/// <param name="Text">What is remembered: what someone said, or a belief in the first person.</param>
/// <param name="IsBelief">Whether it is a belief reflection drew (<see cref="MemoryKind.Belief"/>) rather than a moment.</param>
/// <param name="FromSpeaker">Whether the person speaking now is the one it is of.</param>
/// <param name="PersonName">The name of the person it is of, when it is of someone else the agent knows by name.</param>
/// <param name="Emotion">The primary emotion felt then.</param>
/// <param name="Feeling">The felt point then.</param>
/// <param name="Age">How long ago it was.</param>
/// <param name="Strength">How strongly it comes back, in [0, 1]: its score in the recall.</param>
public sealed record Recollection(string Text, bool IsBelief, bool FromSpeaker, string? PersonName, string Emotion, Vad Feeling, TimeSpan Age, double Strength);
