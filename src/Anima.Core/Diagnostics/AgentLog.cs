using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Anima.Diagnostics;

/// <summary>What an agent logs (<see cref="AnimaOptions.LoggerFactory"/>) and counts (<see cref="Telemetry"/>), through source-generated <see cref="LoggerMessageAttribute"/> methods.</summary>
internal sealed partial class AgentLog
{
    private readonly ILogger _logger;

    public AgentLog(ILoggerFactory? factory)
    {
        _logger = factory?.CreateLogger(AnimaTelemetry.Name) ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Logs and counts a desire that arose.</summary>
    public void DesireArose(Need need, double strength)
    {
        if (Telemetry.Desires.Enabled)
        {
            Telemetry.Desires.Add(1, new KeyValuePair<string, object?>("anima.need", need.ToString()));
        }

        LogDesireArose(_logger, need, strength);
    }

    /// <summary>Logs a heartbeat that failed.</summary>
    public void HeartbeatFailed(Exception exception) => LogHeartbeatFailed(_logger, exception);

    /// <summary>Logs a turn that failed at the provider (not one that was cancelled).</summary>
    public void TurnFailed(Exception exception)
    {
        if (exception is not OperationCanceledException)
        {
            LogTurnFailed(_logger, exception);
        }
    }

    /// <summary>Logs a turn whose memory or reflection failed after the turn itself was kept.</summary>
    public void MemoryFailed(Exception exception) => LogMemoryFailed(_logger, exception);

    /// <summary>Logs and counts what one committed experience raised, and tags its activity.</summary>
    public void Experienced(AnimaState state, GlandTrigger? trigger, System.Diagnostics.Activity? activity)
    {
        Telemetry.Record(state);
        if (activity is not null)
        {
            activity.SetTag("anima.emotion", state.Primary);
            activity.SetTag("anima.trigger", trigger?.ToString() ?? "stimulus");
        }

        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        if (state.Veto is { } veto)
        {
            LogVetoed(_logger, veto.Original, veto.Value, veto.Verdict);
        }

        if (state.Defense is { } defense)
        {
            LogDefense(_logger, defense);
        }

        if (trigger is GlandTrigger.ToolFailure or GlandTrigger.ToolSuccess)
        {
            LogToolResult(_logger, trigger == GlandTrigger.ToolSuccess, state.Frustration);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Agent desire arose: {Need} (drive {Strength:0.00})")]
    private static partial void LogDesireArose(ILogger logger, Need need, double strength);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Intention {Goal} vetoed by {Value}: {Verdict}")]
    private static partial void LogVetoed(ILogger logger, Goal goal, CoreValue? value, VetoVerdict verdict);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Ego defense raised: {Defense}")]
    private static partial void LogDefense(ILogger logger, EgoDefense defense);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Tool result experienced (succeeded: {Succeeded}); frustration now {Frustration:0.00}")]
    private static partial void LogToolResult(ILogger logger, bool succeeded, double frustration);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "A heartbeat failed; the heartbeat goes on")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "A chat turn failed at the provider; nothing of it joined the history")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Remembering or reflecting on a chat turn failed; the turn itself was kept")]
    private static partial void LogMemoryFailed(ILogger logger, Exception exception);
}
