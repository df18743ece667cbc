using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Anima;

/// <summary>
/// The agent's telemetry (SPEC.md F21): an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named
/// <see cref="Name"/>. Listen with OpenTelemetry (<c>AddSource("Anima.Core")</c>, <c>AddMeter("Anima.Core")</c>),
/// <c>dotnet-counters</c>, or an <see cref="ActivityListener"/> and a <see cref="MeterListener"/>.
/// </summary>
/// <remarks>
/// <para>Activities: <c>anima.experience</c> (tags <c>anima.emotion</c>, <c>anima.trigger</c>), and for each turn of
/// <see cref="AnimaCore.ChatAsync"/>, <see cref="AnimaCore.ChatStreamingAsync"/> or <see cref="AnimaCore.InitiateAsync"/>
/// a span named as the OpenTelemetry GenAI conventions name an agent's invocation, <c>invoke_agent {name}</c>
/// (<see cref="AnimaOptions.Name"/>), with <c>gen_ai.operation.name</c> = <c>invoke_agent</c>, <c>gen_ai.agent.name</c>
/// and <c>anima.turn</c> (<c>chat</c> or <c>initiate</c>); the provider's own spans (and those of
/// <c>UseFunctionInvocation</c>) nest under it. A turn whose provider throws ends its span with an error status and
/// <c>error.type</c>, the exception's type (a stream the caller stops reading early is not marked).</para>
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
