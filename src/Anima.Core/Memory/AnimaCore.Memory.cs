using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>Remembering with feeling, and recalling what fits the moment.</summary>
public sealed partial class AnimaCore
{
    private readonly MemoryOptions _memoryOptions;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private long _lastMemoryId;

    /// <summary>
    /// Names the present run of memories; renewed whenever they are replaced wholesale (a reset, an import), so a
    /// store can tell memories that continue what it saved from a different history.
    /// </summary>
    private Guid _memoryEpoch = Guid.NewGuid();

    /// <summary>Gets where this agent keeps its memories (<see cref="AnimaOptions.Memory"/>).</summary>
    public IEmotionalMemory Memory { get; }

    /// <summary>
    /// Remembers a text together with how the agent feels now. The memory's importance comes from the moment's
    /// salience, prediction error, intensity and any surprise spike.
    /// </summary>
    /// <param name="text">What to remember.</param>
    /// <param name="cancellationToken">Cancels the embedding; nothing is remembered then.</param>
    /// <returns>The memory kept.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The embedding generator returned no vector, or one of zero length.</exception>
    public async Task<EmotionalMemory> RememberAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var vector = await EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        var state = State;
        double importance = Math.Clamp(
            (0.5 * state.Salience) + (0.3 * Math.Min(1, state.PredictionError / 2)) + (0.2 * state.Intensity) + (state.SurpriseSpike ? 0.2 : 0),
            0,
            1);
        var memory = new EmotionalMemory(
            Interlocked.Increment(ref _lastMemoryId),
            text,
            _time.GetUtcNow(),
            state.Primary,
            state.Vad,
            [.. state.Reactors.Select(r => r.Level)],
            importance,
            vector);
        Memory.Add(memory);
        return memory;
    }

    /// <summary>The memories and the run they belong to, read together for a store.</summary>
    internal (Guid Epoch, IReadOnlyList<EmotionalMemory> Memories) MemoriesForStore()
    {
        lock (_gate)
        {
            return (_memoryEpoch, Memory.GetAll());
        }
    }

    /// <summary>
    /// Recalls the memories that best fit a cue in the present mood, and lets the best one echo: each reactor is
    /// pushed a little toward the level it had then (at most <see cref="MemoryOptions.EchoStrength"/>, scaled by the
    /// memory's score), as one experience. The echo is not remembered, so a memory cannot feed on itself.
    /// </summary>
    /// <param name="cue">What brings the memories back, such as the user's message.</param>
    /// <param name="count">How many memories at most.</param>
    /// <param name="cancellationToken">Cancels the embedding; nothing is recalled or felt then.</param>
    /// <returns>The memories, best first; empty when there are none.</returns>
    /// <exception cref="ArgumentException"><paramref name="cue"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below one.</exception>
    public async Task<IReadOnlyList<RecalledMemory>> RecallAsync(string cue, int count = 3, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cue);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (Memory.Count == 0)
        {
            return [];
        }

        var vector = await EmbedAsync(cue, cancellationToken).ConfigureAwait(false);
        var recalled = Memory.Recall(vector, State.Vad, _time.GetUtcNow(), count);
        if (recalled.Count > 0 && _memoryOptions.EchoStrength > 0)
        {
            Experience(Echo(recalled[0]));
        }

        return recalled;
    }

    private Stimulus Echo(RecalledMemory recalled)
    {
        var levels = recalled.Memory.Levels;
        var now = State.Reactors;
        double strength = _memoryOptions.EchoStrength;
        var echo = default(Stimulus);
        for (int c = 0; c < now.Count && c < levels.Count; c++)
        {
            double pull = Math.Clamp((levels[c] - now[c].Level) * strength * recalled.Score, -strength, strength);
            if (pull != 0)
            {
                echo = echo.With(now[c].Channel, pull);
            }
        }

        return echo;
    }

    private async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        if (_embeddings is HashingEmbeddingGenerator hashing)
        {
            return hashing.Embed(text);
        }

        var generated = await _embeddings.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (generated.Count == 0 || generated[0].Vector.Length == 0)
        {
            throw new InvalidOperationException($"The embedding generator {_embeddings.GetType().Name} returned no vector.");
        }

        var vector = generated[0].Vector.ToArray();
        float norm = System.Numerics.Tensors.TensorPrimitives.Norm<float>(vector);
        if (!(norm > 0) || !float.IsFinite(norm))
        {
            throw new InvalidOperationException($"The embedding generator {_embeddings.GetType().Name} returned a vector of length {norm}.");
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }
}
