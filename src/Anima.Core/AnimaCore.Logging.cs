using Anima.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Anima;

/// <summary>What the agent logs (<see cref="AnimaOptions.LoggerFactory"/>), through source-generated <see cref="LoggerMessageAttribute"/> methods.</summary>
public sealed partial class AnimaCore
{
    private readonly ILogger _logger;

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

    internal void LogHeartbeatFailed(Exception exception) => LogHeartbeatFailed(_logger, exception);

    /// <summary>Logs and counts what one committed experience raised.</summary>
    private void Observe(AnimaState state, GlandTrigger? trigger)
    {
        Telemetry.Record(state);
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
}
