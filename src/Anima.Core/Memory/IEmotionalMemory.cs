namespace Anima;

/// <summary>
/// Where an agent keeps its memories and finds them again. The default, <see cref="EmotionalMemoryBank"/>, holds
/// them in memory and ranks them by brute force with <c>TensorPrimitives</c>; <see cref="SqliteAnimaStore"/> saves it.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IEmotionalMemory
{
    /// <summary>Gets how many memories are kept.</summary>
    int Count { get; }

    /// <summary>Keeps a memory.</summary>
    /// <param name="memory">The memory; its embedding has the bank's dimensions and unit length.</param>
    /// <exception cref="ArgumentException">The memory's id is not above every kept one, or its embedding does not fit.</exception>
    void Add(EmotionalMemory memory);

    /// <summary>Finds the memories that score highest for a cue in a mood.</summary>
    /// <param name="cue">The cue's embedding, of unit length.</param>
    /// <param name="mood">The present felt point.</param>
    /// <param name="now">The present time, for recency.</param>
    /// <param name="count">How many memories at most.</param>
    /// <returns>The best memories, highest score first.</returns>
    IReadOnlyList<RecalledMemory> Recall(ReadOnlySpan<float> cue, Vad mood, DateTimeOffset now, int count);

    /// <summary>Returns every memory, oldest first.</summary>
    /// <returns>The memories.</returns>
    IReadOnlyList<EmotionalMemory> GetAll();

    /// <summary>Forgets every memory.</summary>
    void Clear();

    /// <summary>
    /// Forgets every memory and keeps <paramref name="memories"/> instead, as when an agent is loaded. The default
    /// calls <see cref="Clear"/> and then <see cref="Add"/> for each; an implementation may do it in one step.
    /// </summary>
    /// <param name="memories">The memories, oldest first, with rising ids and embeddings that fit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="memories"/> is null.</exception>
    /// <exception cref="ArgumentException">A memory does not fit; <see cref="EmotionalMemoryBank"/> then keeps what it had.</exception>
    void ReplaceAll(IReadOnlyList<EmotionalMemory> memories)
    {
        ArgumentNullException.ThrowIfNull(memories);
        Clear();
        foreach (var memory in memories)
        {
            Add(memory);
        }
    }
}
