using System.Text.Json;
using Anima.Numerics;
using Anima.StateModel;

namespace Anima.Agency;

/// <summary>
/// L5, agency: the request judged against the values, the social mirror, the intention kept with persistence under
/// the value veto (the agent's <see cref="IValueSystem"/>), dissonance between what the agent wants and what it
/// feels, and the ego defense that answers it.
/// </summary>
internal sealed class AgencyLayer : IStateSection
{
    /// <summary>How much another's feeling resonates in an agent of no agreeableness; agreeableness adds up to <see cref="ResonanceRange"/>.</summary>
    private const double BaseResonance = 0.2;

    /// <summary>How much agreeableness adds to resonance.</summary>
    private const double ResonanceRange = 0.6;

    /// <summary>The dissonance a rewritten intention leaves.</summary>
    private const double RewrittenDissonance = 0.35;

    /// <summary>The dissonance a blocked intention leaves.</summary>
    private const double BlockedDissonance = 0.5;

    /// <summary>The dissonance of refusing a request for the least agreeable agent; agreeableness adds up to <see cref="RefusalAgreeableness"/>.</summary>
    private const double RefusalDissonance = 0.2;

    /// <summary>How much agreeableness adds to the dissonance of a refusal.</summary>
    private const double RefusalAgreeableness = 0.3;

    private readonly ChannelProfile _profile;
    private readonly IValueSystem _veto;
    private readonly ValueSystem _values;
    private readonly IEgoDefense _defense;
    private readonly int _bond;
    private readonly ObjectSlot<Intention> _intention;

    public AgencyLayer(StateLayout layout, ChannelProfile profile, IValueSystem veto, ValueSystem values, IEgoDefense defense)
    {
        _defense = defense;
        _profile = profile;
        _veto = CheckedValueSystem.For(veto);
        _values = values;
        _bond = profile.IndexOf(ChannelRole.Bond);
        _intention = layout.Object<Intention>();
    }

    /// <inheritdoc />
    public string Name => "agency";

    /// <summary>Gets the intention the agent holds, if any.</summary>
    public Intention? Intention(AgentState s) => _intention.Get(s);

    /// <summary>No intention yet.</summary>
    public void Reset(AgentState s) => _intention.Set(s, null);

    /// <summary>How strongly another's feeling resonates in this agent.</summary>
    public static double Resonance(Personality personality) => BaseResonance + (ResonanceRange * personality.Agreeableness);

    /// <summary>Judges the incoming request against the values (a request to hurt someone meets care).</summary>
    public RequestJudgement JudgeRequest(RequestConcerns concerns) => _veto.JudgeRequest(concerns, _values);

    /// <summary>
    /// Acts on the moment: keeps or changes the intention under the veto, weighs the dissonance, and chooses a defense,
    /// which reshapes <paramref name="levels"/> for what comes next.
    /// </summary>
    /// <remarks>Written field by field into <paramref name="a"/>: a struct holding a reference, copied whole through a reference, costs a runtime call.</remarks>
    public void Act(AgentState s, in AgencyInput moment, Span<double> levels, ref AgencyOutcome a)
    {
        var personality = moment.Personality;
        double bondDeviation = _bond < 0 ? 0 : _profile.Deviation(_bond, levels[_bond]);
        var situation = new IntentionEngine.Situation(
            moment.Drives, moment.Primary, moment.Intensity, bondDeviation, moment.Mirror, personality, moment.Spike, moment.IntentionKeep,
            moment.Request.Concerns.HasFlag(RequestConcerns.SelfHarm));
        var (intention, veto) = IntentionEngine.Decide(_intention.Get(s), situation, _veto, _values);
        _intention.Set(s, intention);
        a.Intention = intention;
        a.Veto = veto;
        double dissonance = Dissonance(intention, moment.Primary, moment.Intensity, veto, moment.Request, personality);
        a.Defense = _defense is DefenseSelector
            ? DefenseSelector.Choose(moment.Vad, dissonance, moment.Primary, moment.Spike, veto, moment.Request, intention, moment.Mirror, personality)
            : _defense.Choose(new DefenseSituation(moment.Vad, dissonance, moment.Primary, moment.Spike, veto, moment.Request, intention, moment.Mirror, personality));
        if (a.Defense is { } chosen)
        {
            if (chosen is < EgoDefense.Denial or > EgoDefense.Suppression)
            {
                throw new InvalidOperationException($"The ego defense {_defense.GetType().Name} chose {chosen}, which is not an {nameof(EgoDefense)}.");
            }

            // The defense shapes what comes next; the snapshot shows the levels that were felt.
            dissonance = DefenseSelector.Apply(chosen, levels, _profile, dissonance);
        }

        a.Dissonance = dissonance;
    }

    /// <summary>Writes an intention's members.</summary>
    public static void WriteIntention(Utf8JsonWriter writer, string name, Intention? intention)
    {
        if (intention is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteEnum("goal", intention.Goal);
        writer.WriteEnum("source", intention.Source);
        writer.WriteNumber("strength", intention.Strength);
        writer.WriteEnum("need", intention.Need);
        writer.WriteNumber("persistence", intention.Persistence);
        writer.WriteEndObject();
    }

    /// <summary>Reads an intention, or null.</summary>
    public static Intention? ReadIntention(SectionReader section, string name) => section.OptionalObject(name) is not { } i
        ? null
        : new Intention(i.Enum<Goal>("goal"), i.Enum<IntentionSource>("source"), i.Number("strength", 0, SectionReader.Magnitude), i.OptionalEnum<Need>("need"), i.Int32("persistence", 0, int.MaxValue));

    /// <inheritdoc />
    public void Write(AgentState s, Utf8JsonWriter writer) => WriteIntention(writer, "intention", _intention.Get(s));

    /// <inheritdoc />
    public void Read(SectionReader section, AgentState s) => _intention.Set(s, ReadIntention(section, "intention"));

    private static double Dissonance(Intention? intention, EmotionDefinition primary, double felt, VetoDecision? veto, RequestJudgement request, Personality personality)
    {
        double mismatch = intention is null
            ? 0
            : Math.Abs(GoalTraits.Tendency(intention.Goal) - primary.Tendency) / 2 * Math.Min(1, felt / 0.5) * Math.Sqrt(intention.Strength);
        double vetoed = veto?.Verdict switch
        {
            VetoVerdict.Rewritten => RewrittenDissonance,
            VetoVerdict.Blocked => BlockedDissonance,
            _ => 0,
        };
        double refused = request.Verdict == RequestVerdict.Refused ? RefusalDissonance + (RefusalAgreeableness * personality.Agreeableness) : 0;
        return Math.Clamp((0.6 * mismatch) + vetoed + refused, 0, 1);
    }
}

/// <summary>What the agency layer is told of the moment.</summary>
internal struct AgencyInput
{
    public Personality Personality;
    public Vad Vad;
    public EmotionDefinition Primary;
    public double Intensity;
    public bool Spike;
    public Drive[] Drives;
    public SocialMirror Mirror;
    public RequestJudgement Request;
    public double IntentionKeep;
}

/// <summary>What <see cref="AgencyLayer.Act"/> decided.</summary>
internal struct AgencyOutcome
{
    public Intention? Intention;
    public VetoDecision? Veto;
    public double Dissonance;
    public EgoDefense? Defense;
}
