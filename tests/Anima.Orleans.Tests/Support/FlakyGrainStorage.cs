using System.Collections.Concurrent;
using Orleans.Storage;

namespace Anima.Orleans.Tests.Support;

/// <summary>
/// Grain storage of the kind any host brings (not an Anima store): it keeps each grain's document as bytes, copied, with
/// an ETag, and refuses writes while <see cref="FailWrites"/> is set, as a database that went away would.
/// </summary>
internal sealed class FlakyGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, (byte[]? Document, int Version)> _saved = new();

    public volatile bool FailWrites;

    public int Writes;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = (IGrainState<AnimaGrainState>)grainState;
        if (_saved.TryGetValue(grainId, out var saved))
        {
            state.State = new AnimaGrainState { Document = saved.Document?.ToArray() };
            state.ETag = saved.Version.ToString();
            state.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailWrites)
        {
            throw new IOException("The test's storage is refusing writes.");
        }

        var state = (IGrainState<AnimaGrainState>)grainState;
        int version = _saved.TryGetValue(grainId, out var saved) ? saved.Version + 1 : 1;
        _saved[grainId] = (state.State?.Document?.ToArray(), version);
        state.ETag = version.ToString();
        state.RecordExists = true;
        Interlocked.Increment(ref Writes);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _saved.TryRemove(grainId, out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
