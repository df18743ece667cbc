namespace Anima;

/// <summary>
/// Where a store's copy of an agent's events ends: the id of the event journal they came from and the number of the
/// newest one. An agent's journal gets a new id when it is built and on every import or restore, because its
/// numbering no longer continues what a store may hold from before; <see cref="AnimaCore.CreateCheckpoint"/> then
/// hands over every event it still keeps instead of those above the number, so no event is lost to a number reused.
/// </summary>
/// <param name="Journal">The id of the journal the events came from; <see cref="Guid.Empty"/> for a store that holds none.</param>
/// <param name="Sequence">The agent's number of the newest event the store holds from that journal.</param>
public readonly record struct AnimaEventMark(Guid Journal, long Sequence);
