using System.Text.Json;
using Anima.Numerics;
using Anima.StateModel;

namespace Anima.Identity;

/// <summary>
/// L4, identity: the slow average of the levels that the archival theme is read from, the temporal self (the past
/// self as a slow average of felt points, the present, the future extrapolated from the recent), coherence and the
/// crisis it can fall into, and the stability of the self-image.
/// </summary>
internal sealed class IdentityLayer : IStateSection
{
    /// <summary>How fast the slow levels follow the levels: about thirty experiences.</summary>
    private const double SlowRate = 0.03;

    /// <summary>
    /// What salience adds to the archive's rate: the archival theme is a salience-weighted average of the levels, over
    /// about thirty quiet experiences but a handful that matter, so a bereavement colours the self within a few.
    /// </summary>
    private const double SalientRate = 0.6;

    /// <summary>How fast the past self follows the present: about a hundred experiences.</summary>
    private const double PastRate = 0.01;

    /// <summary>How fast the recent self follows the present: about seven experiences.</summary>
    private const double RecentRate = 0.15;

    /// <summary>How far the future self is extrapolated beyond the present, in units of the recent change.</summary>
    private const double Foresight = 1.5;

    /// <summary>The coherence below which a step counts toward a crisis.</summary>
    private const double LowCoherence = 0.35;

    /// <summary>How many low-coherence steps in a row bring a crisis.</summary>
    private const int CrisisRun = 3;

    /// <summary>The coherence a crisis must rise above to end.</summary>
    private const double CrisisRecovery = 0.5;

    /// <summary>An identity must have formed, over this many experiences, before it can fall into crisis.</summary>
    private const int CrisisMaturity = 30;

    /// <summary>The volatility at which the self-image has no steadiness left.</summary>
    private const double VolatilityScale = 0.3;

    /// <summary>How much of coherence is the present's distance from the past self; the rest is its distance from the future.</summary>
    private const double PastWeight = 0.75;

    /// <summary>The distance at which coherence reaches zero: about the reach of a unit step on two axes (√2).</summary>
    private const double CoherenceReach = 1.4;

    /// <summary>How fast volatility follows the size of each step of the felt point: a tenth each experience.</summary>
    private const double VolatilityRate = 0.1;

    /// <summary>How much of the self-image's stability is coherence; the rest is steadiness.</summary>
    private const double CoherenceShare = 0.6;

    private readonly ChannelProfile _profile;
    private readonly NumberRange _slow;
    private readonly PointSlot _past;
    private readonly PointSlot _recent;
    private readonly PointSlot _last;
    private readonly NumberSlot _volatility;
    private readonly IntegerSlot _lowCoherenceRun;
    private readonly IntegerSlot _crisis;

    public IdentityLayer(StateLayout layout, ChannelProfile profile)
    {
        _profile = profile;
        _slow = layout.Numbers(profile.Count);
        _past = layout.Point();
        _recent = layout.Point();
        _last = layout.Point();
        _volatility = layout.Number();
        _lowCoherenceRun = layout.Integer();
        _crisis = layout.Integer();
    }

    /// <inheritdoc />
    public string Name => "identity";

    /// <summary>Gets the long-run character: the past self.</summary>
    public Vad Character(AgentState s) => _past.Of(s);

    /// <summary>Gets the background theme the slow levels carry now.</summary>
    public ArchivalTheme Theme(AgentState s) => Biography.Theme(_slow.Of(s), _profile);

    /// <summary>A self not yet lived: every self at the first felt point, the slow levels at baseline.</summary>
    public void Reset(AgentState s, Vad vad)
    {
        var channels = _profile.Span;
        var slow = _slow.Of(s);
        for (int i = 0; i < channels.Length; i++)
        {
            slow[i] = channels[i].Baseline;
        }

        _past.Of(s) = vad;
        _recent.Of(s) = vad;
        _last.Of(s) = vad;
        _volatility.Of(s) = 0;
        _lowCoherenceRun.Of(s) = 0;
        _crisis.Of(s) = 0;
    }

    /// <summary>Lives one felt point into the self: theme, temporal self, coherence, crisis and stability.</summary>
    /// <param name="s">The state.</param>
    /// <param name="levels">The levels now.</param>
    /// <param name="vad">The felt point.</param>
    /// <param name="count">The experience's number, counting this one.</param>
    /// <param name="salience">How much the experience mattered, in [0, 1]: what matters reaches the archive sooner.</param>
    public Becoming Become(AgentState s, ReadOnlySpan<double> levels, Vad vad, long count, double salience = 0)
    {
        var slow = _slow.Of(s);
        double rate = SlowRate + (SalientRate * Math.Clamp(salience, 0, 1));
        for (int i = 0; i < slow.Length; i++)
        {
            slow[i] += rate * (levels[i] - slow[i]);
        }

        var b = default(Becoming);
        b.Theme = Biography.Theme(slow, _profile);
        ref var past = ref _past.Of(s);
        ref var recent = ref _recent.Of(s);
        var future = new Vad(
            vad.Valence + (Foresight * (vad.Valence - recent.Valence)),
            vad.Arousal + (Foresight * (vad.Arousal - recent.Arousal)),
            vad.Dominance + (Foresight * (vad.Dominance - recent.Dominance))).Clamp();
        double coherence = Math.Clamp(1 - (((PastWeight * past.DistanceTo(vad)) + ((1 - PastWeight) * vad.DistanceTo(future))) / CoherenceReach), 0, 1);
        ref long run = ref _lowCoherenceRun.Of(s);
        run = coherence < LowCoherence ? run + 1 : 0;
        bool crisis = (run >= CrisisRun && count >= CrisisMaturity) || (_crisis.Of(s) != 0 && coherence <= CrisisRecovery);
        _crisis.Of(s) = crisis ? 1 : 0;
        b.Temporal = new TemporalSelf(past, vad, future, coherence, crisis);
        past = past.Lerp(vad, PastRate);
        recent = recent.Lerp(vad, RecentRate);
        ref double volatility = ref _volatility.Of(s);
        volatility = ((1 - VolatilityRate) * volatility) + (VolatilityRate * _last.Of(s).DistanceTo(vad));
        _last.Of(s) = vad;
        b.Stability = Math.Clamp((CoherenceShare * coherence) + ((1 - CoherenceShare) * (1 - Math.Min(1, volatility / VolatilityScale))), 0, 1);
        return b;
    }

    /// <inheritdoc />
    public void Write(AgentState s, Utf8JsonWriter writer)
    {
        writer.WriteNumbers("slowLevels", _slow.Of(s));
        writer.WritePoint("past", _past.Of(s));
        writer.WritePoint("recent", _recent.Of(s));
        writer.WritePoint("lastVad", _last.Of(s));
        writer.WriteNumber("volatility", _volatility.Of(s));
        writer.WriteNumber("lowCoherenceRun", _lowCoherenceRun.Of(s));
        writer.WriteBoolean("crisis", _crisis.Of(s) != 0);
    }

    /// <inheritdoc />
    public void Read(SectionReader section, AgentState s)
    {
        section.Numbers("slowLevels", _slow.Of(s), 0, 1);
        _past.Of(s) = section.Point("past");
        _recent.Of(s) = section.Point("recent");
        _last.Of(s) = section.Point("lastVad");
        _volatility.Of(s) = section.Number("volatility", 0, SectionReader.Magnitude);
        _lowCoherenceRun.Of(s) = section.Integer("lowCoherenceRun", 0, int.MaxValue);
        _crisis.Of(s) = section.Boolean("crisis") ? 1 : 0;
    }
}

/// <summary>What <see cref="IdentityLayer.Become"/> found in one experience.</summary>
internal struct Becoming
{
    public ArchivalTheme Theme;
    public TemporalSelf Temporal;
    public double Stability;
}
