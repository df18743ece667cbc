using System.Text.Json;
using Anima.Numerics;
using Anima.StateModel;

namespace Anima.Character;

/// <summary>
/// Growth without saturation (F8): the personality now, as the configured one drifts with experience (see
/// <see cref="PersonalityGrowth"/>), and the temperament it gives.
/// </summary>
internal sealed class GrowthLayer : IStateSection
{
    private static readonly string[] TraitNames = ["openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"];

    private readonly Personality _configured;
    private readonly IPersonalityModel _model;
    private readonly NumberRange _accumulators;
    private readonly NumberRange _basis;
    private readonly ObjectSlot<Personality> _personality;
    private readonly PointSlot _temperament;

    public GrowthLayer(StateLayout layout, Personality configured, IPersonalityModel model)
    {
        _configured = configured;
        _model = model;
        _accumulators = layout.Numbers(PersonalityGrowth.Traits * PersonalityGrowth.Sources);
        _basis = layout.Numbers(PersonalityGrowth.Traits);
        _personality = layout.Object<Personality>();
        _temperament = layout.Point();
    }

    /// <inheritdoc />
    public string Name => "growth";

    /// <summary>Gets the personality the agent was built with.</summary>
    public Personality Configured => _configured;

    /// <summary>Gets the personality now.</summary>
    public Personality Personality(AgentState s) => _personality.Get(s)!;

    /// <summary>Gets the temperament of the personality now (<see cref="IPersonalityModel.Temperament"/>), kept so the felt point need not work it out each step.</summary>
    public Vad Temperament(AgentState s) => _temperament.Of(s);

    /// <summary>Starts from the configured personality, with no drift.</summary>
    public void Reset(AgentState s)
    {
        _accumulators.Of(s).Clear();
        _basis.Of(s).Clear();
        Set(s, PersonalityGrowth.Start(_configured));
    }

    /// <summary>Learns from one experience's appraisal and novelty.</summary>
    /// <returns>The personality, grown if any trait moved far enough to be worth a new one; otherwise the same instance.</returns>
    public Personality Learn(AgentState s, ReadOnlySpan<double> dims, double novelty)
    {
        var driftBuffer = default(SixteenNumbers);
        Span<double> drift = driftBuffer[..PersonalityGrowth.Traits];
        PersonalityGrowth.Learn(_accumulators.Of(s), dims, novelty, drift);
        var current = Personality(s);
        var grown = PersonalityGrowth.Refresh(_configured, current, drift, _basis.Of(s));
        if (!ReferenceEquals(grown, current))
        {
            Set(s, grown);
        }

        return grown;
    }

    /// <summary>How far the personality has grown, on which trait and why, with the soul's growth beside it.</summary>
    public GrowthReport Report(AgentState s, long experiences, SoulGrowth[] soul) =>
        PersonalityGrowth.Report(experiences, _configured, _accumulators.Of(s), soul);

    /// <summary>The traits in <see cref="PersonalityTrait"/> order.</summary>
    public static double[] Traits(Personality p) => [p.Openness, p.Conscientiousness, p.Extraversion, p.Agreeableness, p.Neuroticism];

    /// <summary>Reads five traits in [0, 1] as a personality.</summary>
    public static Personality ReadPersonality(SectionReader section, string name)
    {
        Span<double> traits = stackalloc double[TraitNames.Length];
        section.Numbers(name, traits, 0, 1);
        return PersonalityGrowth.Create(traits);
    }

    /// <summary>Writes five traits as numbers.</summary>
    public static void WritePersonality(Utf8JsonWriter writer, string name, Personality p) => writer.WriteNumbers(name, Traits(p));

    /// <inheritdoc />
    public void Write(AgentState s, Utf8JsonWriter writer)
    {
        writer.WriteNumbers("growth", _accumulators.Of(s));
        writer.WriteNumbers("growthBasis", _basis.Of(s));
        WritePersonality(writer, "personality", Personality(s));
    }

    /// <inheritdoc />
    public void Read(SectionReader section, AgentState s)
    {
        section.Numbers("growth", _accumulators.Of(s));
        section.Numbers("growthBasis", _basis.Of(s));
        Set(s, ReadPersonality(section, "personality"));
    }

    private void Set(AgentState s, Personality personality)
    {
        _personality.Set(s, personality);
        _temperament.Of(s) = PersonalityReading.Temperament(_model, personality);
    }
}
