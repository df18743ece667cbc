using System.Text.Json;
using Anima.StateModel;

namespace Anima.Engine;

/// <summary>The trial an imported state passes before an agent takes it.</summary>
internal sealed partial class Pipeline
{
    /// <summary>What the trial lives through: a strong moment, then a quiet one.</summary>
    private static readonly Stimulus[] TrialMoments = [new() { Tension = 0.8, Arousal = 0.6, Satisfaction = -0.7, Cohesion = -0.5 }, default];

    /// <summary>
    /// Lives a candidate state forward on a copy — a strong moment, then a quiet one — and writes every section of
    /// the result, so a document whose numbers are each in range but together leave an agent unable to experience
    /// or to be exported again is refused at the door instead of breaking the agent later. The candidate is not
    /// changed.
    /// </summary>
    /// <exception cref="InvalidDataException">The state cannot be lived on; the message says what failed.</exception>
    public void Trial(AgentState candidate)
    {
        var s = NewState();
        s.CopyFrom(candidate);
        _metrics.Detach(s);
        try
        {
            foreach (var moment in TrialMoments)
            {
                Step(s, moment, _attention.Appraise(null), null, out _);
                Commit(s);
            }

            using var writer = new Utf8JsonWriter(Stream.Null);
            writer.WriteStartObject();
            foreach (var section in Sections)
            {
                writer.WriteStartObject(section.Name);
                section.Write(s, writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }
        catch (Exception exception) when (exception is ArithmeticException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"The agent document is refused: its state cannot be lived on ({exception.Message}).", exception);
        }
    }
}
