using System.Text.Json;
using Anima.StateModel;

namespace Anima.Engine;

/// <summary>The agent's life as such: how many experiences it has had, when the last one was, and its source of randomness.</summary>
internal sealed class Life : IStateSection
{
    /// <summary>Spreads a seed over the generator's state (the golden ratio in 64 bits, as SplitMix64 steps).</summary>
    private const ulong SeedSpread = 0x9E3779B97F4A7C15UL;

    private readonly IntegerSlot _count;
    private readonly TimeSlot _lastTime;
    private readonly IntegerSlot _random;

    public Life(StateLayout layout)
    {
        _count = layout.Integer();
        _lastTime = layout.Time();
        _random = layout.Integer();
    }

    /// <inheritdoc />
    public string Name => "life";

    /// <summary>Gets how many experiences the agent has had.</summary>
    public long Count(AgentState s) => _count.Of(s);

    /// <summary>Gets the time of the last experience.</summary>
    public DateTimeOffset LastTime(AgentState s) => _lastTime.Get(s);

    /// <summary>Gets the state of the agent's random source.</summary>
    public ulong Random(AgentState s) => unchecked((ulong)_random.Of(s));

    /// <summary>A life not yet lived, begun now, its randomness seeded.</summary>
    public void Reset(AgentState s, DateTimeOffset now, int seed)
    {
        _count.Of(s) = 0;
        _lastTime.Set(s, now);
        _random.Of(s) = unchecked((long)(SeedSpread * (ulong)(uint)seed));
    }

    /// <summary>Records one more experience, at <paramref name="now"/>, and the random source after it.</summary>
    public void Lived(AgentState s, long count, DateTimeOffset now, ulong random)
    {
        _count.Of(s) = count;
        _lastTime.Set(s, now);
        _random.Of(s) = unchecked((long)random);
    }

    /// <inheritdoc />
    public void Write(AgentState s, Utf8JsonWriter writer)
    {
        writer.WriteNumber("count", Count(s));
        writer.WriteString("lastTime", LastTime(s));
        writer.WriteNumber("random", Random(s));
    }

    /// <inheritdoc />
    public void Read(SectionReader section, AgentState s)
    {
        _count.Of(s) = section.Integer("count", 0, SectionReader.MaxCount);
        _lastTime.Set(s, section.Time("lastTime"));
        _random.Of(s) = unchecked((long)section.UInt64("random"));
    }
}
