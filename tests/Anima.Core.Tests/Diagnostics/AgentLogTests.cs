using Anima.Diagnostics;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Anima.Tests.Diagnostics;

public sealed class AgentLogTests
{
    [Fact]
    public void Experienced_AtDebug_LogsTheDefenseAndTheToolResult()
    {
        var logger = new ListLogger();
        var log = new AgentLog(new SingleLoggerFactory(logger));
        var agent = new AnimaCore(new AnimaOptions { Seed = 1, Personality = Personality.Balanced with { Neuroticism = 0.9 } });
        AnimaState state = agent.State;
        for (int i = 0; i < 20 && state.Defense is null; i++)
        {
            state = agent.Experience(new Stimulus { Tension = 0.9, Satisfaction = -0.9, Cohesion = -0.8 });
        }

        log.Experienced(state, GlandTrigger.ToolFailure, null);
        log.TurnFailed(new OperationCanceledException());

        state.Defense.Should().NotBeNull();
        logger.Lines.Should().Contain(l => l.StartsWith("Ego defense raised", StringComparison.Ordinal));
        logger.Lines.Should().Contain(l => l.StartsWith("Tool result experienced (succeeded: False)", StringComparison.Ordinal));
        logger.Lines.Should().NotContain(l => l.Contains("chat turn failed", StringComparison.Ordinal), "a cancelled turn is not a failure");
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
