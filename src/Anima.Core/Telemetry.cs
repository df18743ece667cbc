using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Anima;

/// <summary>
/// The agent's telemetry (SPEC.md F21): an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named
/// <see cref="Name"/>. Listen with OpenTelemetry (<c>AddSource("Anima.Core")</c>, <c>AddMeter("Anima.Core")</c>),
/// <c>dotnet-counters</c>, or an <see cref="ActivityListener"/> and a <see cref="MeterListener"/>.
/// </summary>
/// <remarks>
/// <para>Activities: <c>anima.experience</c> (tags <c>anima.emotion</c>, <c>anima.trigger</c>), <c>anima.chat</c> for a
/// turn of <see cref="AnimaCore.ChatAsync"/> or <see cref="AnimaCore.ChatStreamingAsync"/>, <c>anima.initiate</c> for
/// <see cref="AnimaCore.InitiateAsync"/>.</para>
/// <para>Instruments: the counters <c>anima.experiences</c>, <c>anima.chat.turns</c>, <c>anima.initiatives</c>,
/// <c>anima.vetoes</c> (tag <c>anima.value</c>), <c>anima.defenses</c> (tag <c>anima.defense</c>) and
/// <c>anima.desires</c> (tag <c>anima.need</c>), and the histogram <c>anima.prediction_error</c>.</para>
/// <para>With nothing listening, each costs a check of a flag.</para>
/// </remarks>
public static class AnimaTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>Anima.Core</c>.</summary>
    public const string Name = "Anima.Core";
}

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
