namespace Anima;

/// <summary>
/// What a store keeps of an agent at one moment, taken atomically by <see cref="AnimaCore.CreateCheckpoint"/> and
/// given back to <see cref="AnimaCore.RestoreCheckpoint"/>: the agent document without its memories, the memories
/// themselves, and the events since the store's last save. With it, an <see cref="IAnimaStore"/> of any kind can save
/// incrementally — memories never change once made, so a store that still holds the same
/// <see cref="MemoryEpoch"/> need only append the memories above the last id it kept; and a store that keeps the
/// <see cref="EventMark"/> of its last save and asks for the events since it is given exactly the events it lacks.
/// </summary>
public sealed class AnimaCheckpoint
{
    /// <summary>Initializes a checkpoint, as a store does when it loads what it kept.</summary>
    /// <param name="document">The agent document as <see cref="Document"/> describes it.</param>
    /// <param name="memories">Every memory, ids rising.</param>
    /// <param name="memoryEpoch">The run the memories belong to.</param>
    /// <param name="events">Events to carry, in order; a store loading a checkpoint may pass none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="memories"/> is null.</exception>
    public AnimaCheckpoint(ReadOnlyMemory<byte> document, IReadOnlyList<EmotionalMemory> memories, Guid memoryEpoch, IReadOnlyList<AnimaEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(memories);
        Document = document;
        Memories = memories;
        MemoryEpoch = memoryEpoch;
        Events = events ?? [];
    }

    /// <summary>Initializes a checkpoint as <see cref="AnimaCore.CreateCheckpoint"/> takes it.</summary>
    internal AnimaCheckpoint(ReadOnlyMemory<byte> document, IReadOnlyList<EmotionalMemory> memories, Guid memoryEpoch, IReadOnlyList<AnimaEvent> events, AnimaEventMark eventMark, long eventsMissed)
        : this(document, memories, memoryEpoch, events)
    {
        EventMark = eventMark;
        EventsMissed = eventsMissed;
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

    /// <summary>
    /// Gets the events the checkpoint carries, oldest first: those above the mark it was asked for when that mark is of
    /// the agent's present journal, otherwise every event the journal still keeps (see <see cref="AnimaEventMark"/>).
    /// </summary>
    public IReadOnlyList<AnimaEvent> Events { get; }

    /// <summary>Gets the mark of the newest event the agent had when the checkpoint was taken; a store keeps it and asks for the events since it next time.</summary>
    public AnimaEventMark EventMark { get; }

    /// <summary>
    /// Gets how many events a store asking since its mark should have had but the agent no longer keeps: its journal
    /// holds the newest <see cref="AnimaOptions.EventJournalCapacity"/> events, so a store that saves less often loses
    /// the oldest of the ones between. Zero when nothing was lost.
    /// </summary>
    public long EventsMissed { get; }
}
