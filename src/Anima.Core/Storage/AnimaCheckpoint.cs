namespace Anima;

/// <summary>
/// What a store keeps of an agent at one moment, taken atomically by <see cref="AnimaCore.CreateCheckpoint"/> and
/// given back to <see cref="AnimaCore.RestoreCheckpoint"/>: the agent document without its memories, the memories
/// themselves, and the events since the store's last save. With it, an <see cref="IAnimaStore"/> of any kind can save
/// incrementally — memories never change once made, so a store that still holds the same
/// <see cref="MemoryEpoch"/> need only append the memories above the last id it kept, and the events above the last
/// sequence it kept.
/// </summary>
public sealed class AnimaCheckpoint
{
    /// <summary>Initializes a checkpoint, as a store does when it loads what it kept.</summary>
    /// <param name="document">The agent document as <see cref="Document"/> describes it.</param>
    /// <param name="memories">Every memory, ids rising.</param>
    /// <param name="memoryEpoch">The run the memories belong to.</param>
    /// <param name="events">Events to carry, in order; a store loading a checkpoint may pass none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="memories"/> or <paramref name="events"/> is null.</exception>
    public AnimaCheckpoint(ReadOnlyMemory<byte> document, IReadOnlyList<EmotionalMemory> memories, Guid memoryEpoch, IReadOnlyList<AnimaEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(memories);
        Document = document;
        Memories = memories;
        MemoryEpoch = memoryEpoch;
        Events = events ?? [];
    }

    /// <summary>
    /// Gets the agent document (UTF-8 JSON, as <see cref="AnimaCore.ExportState(Stream)"/> writes it) without its
    /// memories, which <see cref="Memories"/> holds. Its size follows the agent's state, not its history.
    /// </summary>
    public ReadOnlyMemory<byte> Document { get; }

    /// <summary>Gets every memory of the agent, ids rising.</summary>
    public IReadOnlyList<EmotionalMemory> Memories { get; }

    /// <summary>
    /// Gets the run the memories belong to: the same while the agent only adds memories, new whenever they are
    /// replaced wholesale (a reset, an import, a restore of another run), so a store can tell an extension of what it
    /// keeps from a different history.
    /// </summary>
    public Guid MemoryEpoch { get; }

    /// <summary>Gets the events the checkpoint carries: those numbered above the mark it was asked for, oldest first.</summary>
    public IReadOnlyList<AnimaEvent> Events { get; }
}
