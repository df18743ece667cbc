using System.Buffers;
using System.Text;
using System.Text.Json;
using Anima.Persistence;

namespace Anima;

/// <summary>Memory, export and import, saving and loading, forwarded to their components under the agent's lock.</summary>
public sealed partial class AnimaCore
{
    /// <summary>Gets where this agent keeps its memories (<see cref="AnimaOptions.Memory"/>).</summary>
    public IEmotionalMemory Memory => _memory.Memory;

    /// <summary>Remembers a text together with how the agent feels now; its importance comes from the moment's salience, prediction error, intensity and any surprise spike.</summary>
    /// <param name="text">What to remember.</param>
    /// <param name="cancellationToken">Cancels the embedding; nothing is remembered then.</param>
    /// <returns>The memory kept.</returns>
    /// <remarks>
    /// Safe from any number of threads: ids rise in the order memories are kept (from one again after <see cref="Reset"/>). A call that a
    /// reset or an import overtakes while it embeds is ordered before them: its memory is returned, and forgotten with the rest.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The embedding generator returned no vector, or one of zero length.</exception>
    public Task<EmotionalMemory> RememberAsync(string text, CancellationToken cancellationToken = default) => _memory.RememberAsync(text, cancellationToken);

    /// <summary>
    /// Recalls the memories that best fit a cue in the present mood, and lets the best one echo as one experience: each reactor
    /// moves a little toward its level then (at most <see cref="MemoryOptions.EchoStrength"/>, by the memory's score). The echo is not remembered.
    /// </summary>
    /// <param name="cue">What brings the memories back, such as the user's message.</param>
    /// <param name="count">How many memories at most.</param>
    /// <param name="cancellationToken">Cancels the embedding; nothing is recalled or felt then.</param>
    /// <returns>The memories, best first; empty when there are none.</returns>
    /// <exception cref="ArgumentException"><paramref name="cue"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below one.</exception>
    public Task<IReadOnlyList<RecalledMemory>> RecallAsync(string cue, int count = 3, CancellationToken cancellationToken = default) => _memory.RecallAsync(cue, count, cancellationToken);

    /// <summary>Reflects now on the moments kept since the last reflection (as turns do on their own past <see cref="MemoryOptions.ReflectionThreshold"/>): draws a few first-person
    /// beliefs through the chat client (<see cref="MemoryOptions.ReflectWithChatClient"/>) or offline, and keeps them as memories of the kind <see cref="MemoryKind.Belief"/>.</summary>
    /// <param name="cancellationToken">Cancels the reflection; nothing is kept then.</param>
    /// <returns>The beliefs kept; empty when nothing new was kept since the last reflection, or a reflection was already under way.</returns>
    public Task<IReadOnlyList<EmotionalMemory>> ReflectAsync(CancellationToken cancellationToken = default) => _conversation.ReflectAsync(ChatClient, cancellationToken);

    /// <summary>
    /// Writes the agent's whole state — every layer, the last snapshot, the conversation and the memories — as a versioned JSON document of
    /// named sections that <see cref="ImportState(Stream)"/> restores exactly. It shows one moment; a chat turn under way joins it when it ends.
    /// </summary>
    /// <param name="utf8Json">Where the UTF-8 JSON goes; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public void ExportState(Stream utf8Json) => (utf8Json ?? throw new ArgumentNullException(nameof(utf8Json))).Write(Export(includeMemories: true).WrittenSpan);

    /// <summary>Returns the agent's whole state as a versioned JSON document; see <see cref="ExportState(Stream)"/>.</summary>
    /// <returns>The JSON text.</returns>
    public string ExportState() => Encoding.UTF8.GetString(Export(includeMemories: true).WrittenSpan);

    /// <summary>
    /// Replaces the agent's state with one written by <see cref="ExportState(Stream)"/> (or by a version 1 export), so
    /// it continues exactly as the exported agent would have. The agent must have been built with the same profile,
    /// emotion table, prediction model, personality and values; its layers and chat client stay its own.
    /// </summary>
    /// <param name="utf8Json">The UTF-8 JSON document, read to its end (at most <see cref="AnimaOptions.MaxImportBytes"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="InvalidDataException">The document is too large, malformed, of another format or a newer version, made for a differently built agent, or holds a value out of range; the message names it, and the agent is unchanged.</exception>
    public void ImportState(Stream utf8Json) => Import(_document.ReadAll(utf8Json ?? throw new ArgumentNullException(nameof(utf8Json))), null, null);

    /// <summary>Replaces the agent's state with one written by <see cref="ExportState()"/>; see <see cref="ImportState(Stream)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InvalidDataException">The document is refused; the message says why, and the agent is unchanged.</exception>
    public void ImportState(string json) => Import(_document.Bytes(json ?? throw new ArgumentNullException(nameof(json))), null, null);

    /// <summary>Saves this agent's whole state in a store under <paramref name="agentId"/>; see <see cref="IAnimaStore.SaveAsync"/>.</summary>
    /// <param name="store">The store, such as a <see cref="SqliteAnimaStore"/>.</param>
    /// <param name="agentId">The agent's id in the store.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the save is committed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public Task SaveAsync(IAnimaStore store, string agentId, CancellationToken cancellationToken = default) =>
        (store ?? throw new ArgumentNullException(nameof(store))).SaveAsync(agentId, this, cancellationToken);

    /// <summary>Replaces this agent's state with the one saved in a store under <paramref name="agentId"/>, if any (see <see cref="IAnimaStore.LoadAsync"/>),
    /// then lives through the time it was away: after more than a minute, one <see cref="Heartbeat"/> relaxes it and lets it miss company.</summary>
    /// <param name="store">The store, such as a <see cref="SqliteAnimaStore"/>.</param>
    /// <param name="agentId">The agent's id in the store.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns><see langword="true"/> if a saved state was loaded; <see langword="false"/> if none is saved under the id (the agent is unchanged).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public Task<bool> LoadAsync(IAnimaStore store, string agentId, CancellationToken cancellationToken = default) =>
        TimeAway.LoadAsync(this, store ?? throw new ArgumentNullException(nameof(store)), agentId, _time, cancellationToken);

    /// <summary>Takes, atomically, what a store keeps: the document without memories, the memories, and the events the store lacks.</summary>
    /// <param name="eventsSince">The <see cref="AnimaCheckpoint.EventMark"/> of the store's last save; the default (a store that holds no events) asks for every event the agent still keeps.</param>
    /// <returns>The checkpoint; see <see cref="AnimaCheckpoint"/> for how a store saves it incrementally.</returns>
    public AnimaCheckpoint CreateCheckpoint(AnimaEventMark eventsSince = default)
    {
        lock (_gate)
        {
            var memories = _memory.Memory.GetAll();
            var (events, missed) = _journal.After(eventsSince);
            return new AnimaCheckpoint(Export(includeMemories: false).WrittenMemory, memories, _memory.Epoch, events, _journal.Mark, missed);
        }
    }

    /// <summary>Replaces the agent's state with a checkpoint a store kept; as <see cref="ImportState(Stream)"/>, with the checkpoint's memories and their run.</summary>
    /// <param name="checkpoint">The checkpoint; its events stay with the store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="checkpoint"/> is null.</exception>
    /// <exception cref="InvalidDataException">The document or a memory is refused; the message says why, and the agent is unchanged.</exception>
    public void RestoreCheckpoint(AnimaCheckpoint checkpoint) =>
        Import((checkpoint ?? throw new ArgumentNullException(nameof(checkpoint))).Document.Span, checkpoint.Memories, checkpoint.MemoryEpoch);

    private ArrayBufferWriter<byte> Export(bool includeMemories)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            lock (_gate)
            {
                _document.Write(writer, _state, includeMemories ? _memory.Memory.GetAll() : null);
            }
        }

        return buffer;
    }

    private void Import(ReadOnlySpan<byte> utf8, IReadOnlyList<EmotionalMemory>? storedMemories, Guid? epoch)
    {
        var import = _document.Read(utf8, storedMemories, epoch);
        lock (_gate)
        {
            _pipeline.Trial(import.State); // runs the layers, which the lock serialises like any experience
            _state.CopyFrom(import.State);
            _snapshot = _pipeline.Snapshot(_state);
            import.Restore();
        }
    }
}
