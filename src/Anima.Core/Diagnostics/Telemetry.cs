using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Anima.Diagnostics;

/// <summary>The instruments behind <see cref="AnimaTelemetry"/>.</summary>
internal static class Telemetry
{
    private static readonly string? Version = typeof(Telemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(AnimaTelemetry.Name, Version);

    private static readonly Meter Meter = new(AnimaTelemetry.Name, Version);

    public static readonly Counter<long> Experiences = Meter.CreateCounter<long>("anima.experiences", "{experience}", "Experiences lived, heartbeats included.");

    public static readonly Counter<long> ChatTurns = Meter.CreateCounter<long>("anima.chat.turns", "{turn}", "Conversation turns completed.");

    public static readonly Counter<long> Initiatives = Meter.CreateCounter<long>("anima.initiatives", "{turn}", "Times the agent spoke first.");

    public static readonly Counter<long> Vetoes = Meter.CreateCounter<long>("anima.vetoes", "{veto}", "Intentions the value system rewrote or blocked.");

    public static readonly Counter<long> Defenses = Meter.CreateCounter<long>("anima.defenses", "{defense}", "Ego defenses raised.");

    public static readonly Counter<long> Desires = Meter.CreateCounter<long>("anima.desires", "{desire}", "Desires that arose.");

    public static readonly Histogram<double> PredictionError = Meter.CreateHistogram<double>("anima.prediction_error", null, "Precision-weighted prediction error of each experience.");

    /// <summary>
    /// Starts the span of one turn of the agent, as the OpenTelemetry GenAI conventions name an agent's invocation:
    /// <c>invoke_agent {name}</c>, with <c>gen_ai.operation.name</c> and <c>gen_ai.agent.name</c>, and <c>anima.turn</c>
    /// saying which kind of turn (<c>chat</c> or <c>initiate</c>).
    /// </summary>
    public static Activity? InvokeAgent(string agentName, string turn)
    {
        var activity = Source.StartActivity(string.Concat("invoke_agent ", agentName), ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("gen_ai.operation.name", "invoke_agent");
            activity.SetTag("gen_ai.agent.name", agentName);
            activity.SetTag("anima.turn", turn);
        }

        return activity;
    }

    /// <summary>Marks a span failed as the conventions say: <c>error.type</c> the exception's type, and an error status.</summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("error.type", exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
    }

    /// <summary>Counts one committed experience and what it raised.</summary>
    public static void Record(AnimaState state)
    {
        Experiences.Add(1);
        PredictionError.Record(state.PredictionError);
        if (state.Veto is { } veto && Vetoes.Enabled)
        {
            Vetoes.Add(1, new KeyValuePair<string, object?>("anima.value", veto.Value?.ToString() ?? "none"));
        }

        if (state.Defense is { } defense && Defenses.Enabled)
        {
            Defenses.Add(1, new KeyValuePair<string, object?>("anima.defense", defense.ToString()));
        }
    }
}
