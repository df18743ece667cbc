using System.Buffers;
using System.Text.Json;
using Anima.Emotions;
using Anima.Narration;
using Anima.Snapshot;
using Anima.StateModel;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Snapshot;

public sealed class SnapshotSectionTests
{
    [Fact]
    public void WriteThenRead_ASnapshotOfALivedMoment_ReadsTheSameInEveryPart()
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 2 });
        for (int i = 0; i < 30; i++)
        {
            agent.Experience(new Stimulus { Tension = 0.6, Cohesion = -0.5 }, "you never listen to me");
        }

        var original = agent.State;
        var layout = new StateLayout();
        var emotions = new EmotionLayer(layout, ChannelProfile.Default, EmotionTable.Default, AdaptiveEmotionMap.Instance);
        var section = new SnapshotSection(layout, ChannelProfile.Default, emotions, PhrasebookNarrator.Instance);
        var state = layout.Create();
        section.Set(state, original);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            section.Write(state, writer);
            writer.WriteEndObject();
        }

        var copy = layout.Create();
        section.Read(new SectionReader(JsonDocument.Parse(buffer.WrittenMemory).RootElement, "snapshot"), copy);
        var read = section.Get(copy);

        read.Narrative.Should().Be(original.Narrative);
        read.Self.Description.Should().Be(original.Self.Description);
        read.Blend.Should().Equal(original.Blend);
        read.Reactors.Should().Equal(original.Reactors);
        (read.Intention, read.Defense, read.Temporal, read.Mirror, read.Drives.Count).Should().Be((original.Intention, original.Defense, original.Temporal, original.Mirror, original.Drives.Count));
    }

    [Fact]
    public void Read_ABlendOfAnEmotionNotInTheTable_IsRefusedByPath()
    {
        var (section, layout, json) = Written(new AnimaCore(new AnimaOptions { Seed = 2 }).State);
        string edited = json.Replace("\"blend\":[{\"emotion\":\"", "\"blend\":[{\"emotion\":\"Ennui", StringComparison.Ordinal);

        section.Invoking(s => s.Read(new SectionReader(JsonDocument.Parse(edited).RootElement, "snapshot"), layout.Create()))
            .Should().Throw<InvalidDataException>().WithMessage("*snapshot.blend[0].emotion is 'Ennui*', which is not an emotion of this agent's table*");
    }

    private static (SnapshotSection Section, StateLayout Layout, string Json) Written(AnimaState snapshot)
    {
        var layout = new StateLayout();
        var emotions = new EmotionLayer(layout, ChannelProfile.Default, EmotionTable.Default, AdaptiveEmotionMap.Instance);
        var section = new SnapshotSection(layout, ChannelProfile.Default, emotions, PhrasebookNarrator.Instance);
        var state = layout.Create();
        section.Set(state, snapshot);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            section.Write(state, writer);
            writer.WriteEndObject();
        }

        return (section, layout, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
