using System.Collections.Immutable;

namespace Anima.Orleans.Serialization;

// Orleans serialises the core's types through surrogates (its documented way for types of another library), so the
// grain's methods take and return Stimulus, Person, Relationship and the growth records themselves. Enums travel as
// their numbers.

/// <summary>The wire form of a <see cref="Stimulus"/>: the four appraisal dimensions and the named channels.</summary>
[GenerateSerializer, Alias("Anima.Orleans.Stimulus")]
internal struct StimulusSurrogate
{
    [Id(0)] public double Tension;
    [Id(1)] public double Arousal;
    [Id(2)] public double Satisfaction;
    [Id(3)] public double Cohesion;
    [Id(4)] public ImmutableArray<string> Channels;
    [Id(5)] public ImmutableArray<double> Values;
}

[RegisterConverter]
internal sealed class StimulusConverter : IConverter<Stimulus, StimulusSurrogate>
{
    public Stimulus ConvertFromSurrogate(in StimulusSurrogate surrogate)
    {
        var stimulus = new Stimulus { Tension = surrogate.Tension, Arousal = surrogate.Arousal, Satisfaction = surrogate.Satisfaction, Cohesion = surrogate.Cohesion };
        var channels = surrogate.Channels.IsDefault ? [] : surrogate.Channels;
        var values = surrogate.Values.IsDefault ? [] : surrogate.Values;
        if (channels.Length != values.Length)
        {
            throw new ArgumentException($"A serialised stimulus names {channels.Length} channels but carries {values.Length} values.", nameof(surrogate));
        }

        for (int i = 0; i < channels.Length; i++)
        {
            stimulus = stimulus.With(channels[i], values[i]);
        }

        return stimulus;
    }

    public StimulusSurrogate ConvertToSurrogate(in Stimulus value)
    {
        var channels = value.Channels;
        var names = ImmutableArray.CreateBuilder<string>(channels.Count);
        var values = ImmutableArray.CreateBuilder<double>(channels.Count);
        foreach (var (channel, delta) in channels)
        {
            names.Add(channel);
            values.Add(delta);
        }

        return new StimulusSurrogate
        {
            Tension = value.Tension,
            Arousal = value.Arousal,
            Satisfaction = value.Satisfaction,
            Cohesion = value.Cohesion,
            Channels = names.MoveToImmutable(),
            Values = values.MoveToImmutable(),
        };
    }
}

/// <summary>The wire form of a <see cref="Vad"/> point.</summary>
[GenerateSerializer, Alias("Anima.Orleans.Vad")]
internal struct VadSurrogate
{
    [Id(0)] public double Valence;
    [Id(1)] public double Arousal;
    [Id(2)] public double Dominance;
}

[RegisterConverter]
internal sealed class VadConverter : IConverter<Vad, VadSurrogate>
{
    public Vad ConvertFromSurrogate(in VadSurrogate surrogate) => new(surrogate.Valence, surrogate.Arousal, surrogate.Dominance);

    public VadSurrogate ConvertToSurrogate(in Vad value) => new() { Valence = value.Valence, Arousal = value.Arousal, Dominance = value.Dominance };
}

/// <summary>The wire form of a <see cref="Person"/>.</summary>
[GenerateSerializer, Alias("Anima.Orleans.Person")]
internal struct PersonSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public string? Name;
}

[RegisterConverter]
internal sealed class PersonConverter : IConverter<Person, PersonSurrogate>
{
    public Person ConvertFromSurrogate(in PersonSurrogate surrogate) => new(surrogate.Id, surrogate.Name);

    public PersonSurrogate ConvertToSurrogate(in Person value) => new() { Id = value.Id, Name = value.Name };
}

/// <summary>The wire form of a <see cref="Relationship"/>.</summary>
[GenerateSerializer, Alias("Anima.Orleans.Relationship")]
internal struct RelationshipSurrogate
{
    [Id(0)] public string PersonId;
    [Id(1)] public string? Name;
    [Id(2)] public double Warmth;
    [Id(3)] public double Trust;
    [Id(4)] public double Familiarity;
    [Id(5)] public Vad UsualFeeling;
    [Id(6)] public string? Seemed;
    [Id(7)] public DateTimeOffset LastSpoke;
    [Id(8)] public long Turns;
}

[RegisterConverter]
internal sealed class RelationshipConverter : IConverter<Relationship, RelationshipSurrogate>
{
    public Relationship ConvertFromSurrogate(in RelationshipSurrogate s) =>
        new(s.PersonId, s.Name, s.Warmth, s.Trust, s.Familiarity, s.UsualFeeling, s.Seemed, s.LastSpoke, s.Turns);

    public RelationshipSurrogate ConvertToSurrogate(in Relationship value) => new()
    {
        PersonId = value.PersonId,
        Name = value.Name,
        Warmth = value.Warmth,
        Trust = value.Trust,
        Familiarity = value.Familiarity,
        UsualFeeling = value.UsualFeeling,
        Seemed = value.Seemed,
        LastSpoke = value.LastSpoke,
        Turns = value.Turns,
    };
}

/// <summary>The wire form of a <see cref="TraitGrowth"/>.</summary>
[GenerateSerializer, Alias("Anima.Orleans.TraitGrowth")]
internal struct TraitGrowthSurrogate
{
    [Id(0)] public int Trait;
    [Id(1)] public double Configured;
    [Id(2)] public double Current;
    [Id(3)] public int MainSource;
}

[RegisterConverter]
internal sealed class TraitGrowthConverter : IConverter<TraitGrowth, TraitGrowthSurrogate>
{
    public TraitGrowth ConvertFromSurrogate(in TraitGrowthSurrogate s) => new((PersonalityTrait)s.Trait, s.Configured, s.Current, (GrowthSource)s.MainSource);

    public TraitGrowthSurrogate ConvertToSurrogate(in TraitGrowth value) =>
        new() { Trait = (int)value.Trait, Configured = value.Configured, Current = value.Current, MainSource = (int)value.MainSource };
}

/// <summary>The wire form of a <see cref="SoulGrowth"/>.</summary>
[GenerateSerializer, Alias("Anima.Orleans.SoulGrowth")]
internal struct SoulGrowthSurrogate
{
    [Id(0)] public string Channel;
    [Id(1)] public string Dimension;
    [Id(2)] public double Configured;
    [Id(3)] public double Current;
    [Id(4)] public double Learned;
}

[RegisterConverter]
internal sealed class SoulGrowthConverter : IConverter<SoulGrowth, SoulGrowthSurrogate>
{
    public SoulGrowth ConvertFromSurrogate(in SoulGrowthSurrogate s) => new(s.Channel, s.Dimension, s.Configured, s.Current, s.Learned);

    public SoulGrowthSurrogate ConvertToSurrogate(in SoulGrowth value) =>
        new() { Channel = value.Channel, Dimension = value.Dimension, Configured = value.Configured, Current = value.Current, Learned = value.Learned };
}
