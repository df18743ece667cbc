using System.Diagnostics.CodeAnalysis;

namespace Anima;

/// <summary>
/// A running heartbeat (<see cref="AnimaCore.StartHeartbeat"/>): a timer of the agent's <see cref="TimeProvider"/>
/// that calls <see cref="AnimaCore.Heartbeat"/> at a fixed interval until disposed.
/// </summary>
/// <remarks>
/// A beat runs on the timer's thread. If it throws (an <see cref="AnimaCore.EventOccurred"/> handler that fails,
/// say), the exception is kept in <see cref="LastError"/> and the heartbeat goes on, rather than tearing down the
/// process from a timer thread.
/// </remarks>
public sealed class AnimaHeartbeat : IDisposable, IAsyncDisposable
{
    /// <summary>The longest interval a timer keeps: 4,294,967,294 milliseconds, about 49.7 days.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly AnimaCore _agent;
    private readonly ITimer _timer;
    private long _beats;
    private Exception? _lastError;

    internal AnimaHeartbeat(AnimaCore agent, TimeProvider time, TimeSpan interval)
    {
        _agent = agent;
        Interval = interval;
        _timer = time.CreateTimer(static state => ((AnimaHeartbeat)state!).Beat(), this, interval, interval);
    }

    /// <summary>Gets the time between beats.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Gets how many beats have run.</summary>
    public long Beats => Interlocked.Read(ref _beats);

    /// <summary>Gets the exception the latest failed beat threw, if any.</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    /// <summary>Stops the heartbeat; a beat under way finishes.</summary>
    public void Dispose() => _timer.Dispose();

    /// <summary>Stops the heartbeat; a beat under way finishes.</summary>
    /// <returns>A task that completes when the timer is stopped.</returns>
    public ValueTask DisposeAsync() => _timer.DisposeAsync();

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A timer callback must not throw; the failure is kept in LastError and logged.")]
    private void Beat()
    {
        try
        {
            _agent.Heartbeat();
            Interlocked.Increment(ref _beats);
        }
        catch (Exception exception)
        {
            Volatile.Write(ref _lastError, exception);
            _agent.LogHeartbeatFailed(exception);
        }
    }
}
