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
