using System.Text.Json;
using Anima.Character;
using Anima.Numerics;
using Anima.StateModel;

namespace Anima.Reactors;

/// <summary>
/// L1, the body: the channel levels that stimuli move and time relaxes (through the agent's <see cref="IReactor"/>),
/// the glands that answer events, frustration with failing tools, the time of the last word from the user, and the
/// soul matrix that turns an appraisal into each channel's response.
/// </summary>
internal sealed class ReactorLayer : IStateSection
{
    /// <summary>What a tool failure adds to frustration before the soul scales it: ten on REFERENCE.md §5's 0–100 scale.</summary>
    public const double FrustrationStep = 0.1;

    /// <summary>The frustration from which a success is felt as relief.</summary>
    public const double ReliefThreshold = 0.1;

    /// <summary>Frustration halves every ten minutes of quiet (REFERENCE.md §5).</summary>
    public static readonly TimeSpan FrustrationHalfLife = TimeSpan.FromMinutes(10);

    /// <summary>The least a salient experience lands with: the response's gain is this plus <see cref="SalienceGain"/> × salience.</summary>
    private const double BaseGain = 0.6;

    /// <summary>How much salience adds to the response's gain, so a salient experience lands up to 1.1 times as hard.</summary>
    private const double SalienceGain = 0.5;

    /// <summary>A success halves frustration, then takes this much more away.</summary>
    private const double SuccessEase = 0.05;

    private readonly ChannelProfile _profile;
    private readonly IReactor _reactor;
    private readonly IPersonalityModel _model;
    private readonly NumberRange _levels;
    private readonly NumberRange _felt;
    private readonly NumberSlot _frustration;
    private readonly TimeSlot _lastContact;
    private readonly NumberRange _soul;
    private readonly NumberRange _soulBase;
    private readonly NumberRange _soulLearning;

    public ReactorLayer(StateLayout layout, ChannelProfile profile, IReactor reactor, IPersonalityModel model)
    {
        _profile = profile;
        _reactor = reactor;
        _model = model;
        int n = profile.Count;
        _levels = layout.Numbers(n);
        _felt = layout.Numbers(n);
        _frustration = layout.Number();
        _lastContact = layout.Time();
        _soul = layout.Numbers(4 * n);
        _soulBase = layout.Numbers(4 * n);
        _soulLearning = layout.Numbers(4 * n);
    }

    /// <inheritdoc />
    public string Name => "reactors";

    /// <summary>Gets the levels, in [0, 1], in the order of the profile.</summary>
    public Span<double> Levels(AgentState s) => _levels.Of(s);

    /// <summary>Gets the levels as felt in the latest step, before an ego defense reshaped them.</summary>
    public Span<double> Felt(AgentState s) => _felt.Of(s);

    /// <summary>Gets frustration with failing tools, in [0, 1].</summary>
    public ref double Frustration(AgentState s) => ref _frustration.Of(s);

    /// <summary>Gets the soul matrix as it is now: channel × appraisal dimension.</summary>
    public Span<double> Soul(AgentState s) => _soul.Of(s);

    /// <summary>Gets the soul matrix the profile and the personality give, before learning.</summary>
    public Span<double> SoulBase(AgentState s) => _soulBase.Of(s);

    /// <summary>The body at rest: every level at its baseline, no frustration, the user just seen, the soul unlearned.</summary>
    public void Reset(AgentState s, DateTimeOffset now, Personality personality)
    {
        var channels = _profile.Span;
        var levels = Levels(s);
        var felt = Felt(s);
        for (int i = 0; i < channels.Length; i++)
        {
            levels[i] = channels[i].Baseline;
            felt[i] = channels[i].Baseline;
        }

        Frustration(s) = 0;
        _lastContact.Set(s, now);
        _soulLearning.Of(s).Clear();
        Rebuild(s, personality);
    }

    /// <summary>Relaxes the levels for the time since the previous experience.</summary>
    public void Relax(AgentState s, Personality personality, TimeSpan elapsed) => _reactor.Relax(Levels(s), _profile, personality, elapsed);

    /// <summary>How long the agent has gone without a word from the user; a user's message resets it to now.</summary>
    public TimeSpan Alone(AgentState s, DateTimeOffset now, GlandTrigger? trigger)
    {
        if (trigger == GlandTrigger.UserMessage)
        {
            _lastContact.Set(s, now);
        }

        return now - _lastContact.Get(s);
    }

    /// <summary>
    /// Lets frustration fade by <paramref name="kept"/> and answer a tool's outcome (REFERENCE.md §5): a failure adds a
    /// tenth scaled by the soul's sensitivity, a success halves it and eases it a little more.
    /// </summary>
    /// <returns>The relief a success brings: the frustration it ended, if that was a struggle; otherwise zero.</returns>
    public double Frustrate(AgentState s, double kept, GlandTrigger? trigger, Personality personality)
    {
        ref double frustration = ref Frustration(s);
        frustration *= kept;
        double relief = 0;
        if (trigger == GlandTrigger.ToolFailure)
        {
            frustration = Math.Min(1, frustration + (FrustrationStep * SoulMatrix.Sensitivity(personality)));
        }
        else if (trigger == GlandTrigger.ToolSuccess)
        {
            relief = frustration >= ReliefThreshold ? frustration : 0;
            frustration = Math.Max(0, (0.5 * frustration) - SuccessEase);
        }

        return relief;
    }

    /// <summary>
    /// The soul matrix turns the appraisal into each channel's response, gained by salience; the stimuli's named
    /// channels add straight to it; the reactor excites the levels, and the glands answer the trigger.
    /// </summary>
    /// <exception cref="InvalidOperationException">The reactor left a level outside [0, 1].</exception>
    public void React(AgentState s, ReadOnlySpan<double> dims, double salience, in Stimulus stimulus, in Stimulus heard, GlandTrigger? trigger, double relief, Personality personality)
    {
        int n = _profile.Count;
        var levels = Levels(s);
        double gain = BaseGain + (SalienceGain * salience);
        var responseBuffer = default(ChannelNumbers);
        Span<double> response = responseBuffer[..n];
        ReadOnlySpan<double> soul = Soul(s);
        for (int i = 0; i < n; i++)
        {
            var row = soul.Slice(i * 4, 4);
            response[i] = gain * ((row[0] * dims[0]) + (row[1] * dims[1]) + (row[2] * dims[2]) + (row[3] * dims[3]));
        }

        AddDirect(stimulus, response);
        AddDirect(heard, response);
        for (int i = 0; i < n; i++)
        {
            response[i] = Math.Clamp(response[i], -1, 1);
        }

        _reactor.Excite(levels, response, _profile, personality);
        if (trigger is { } fired)
        {
            Secrete(levels, _profile.GlandDeltas(fired), 1);
            if (relief > 0)
            {
                Secrete(levels, _profile.GlandDeltas(GlandTrigger.Relief), relief);
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(levels[i]) || levels[i] < 0 || levels[i] > 1)
            {
                throw new InvalidOperationException($"The reactor {_reactor.GetType().Name} left channel '{_profile.Span[i].Name}' at {levels[i]}; levels must stay in [0, 1].");
            }
        }
    }

    /// <summary>Keeps the levels as felt, before any defense reshapes them.</summary>
    public void KeepFelt(AgentState s) => Levels(s).CopyTo(Felt(s));

    /// <summary>
    /// The soul learns from one experience: the appraisal against each channel's felt distance from baseline. A threat
    /// channel learns against its distance less the safety the experience showed (<see cref="Exposure"/>), so a threat
    /// that keeps meeting safety weakens its response instead of binding it.
    /// </summary>
    public void Learn(AgentState s, ReadOnlySpan<double> dims)
    {
        var channels = _profile.Span;
        var felt = Felt(s);
        var deviationBuffer = default(ChannelNumbers);
        Span<double> deviations = deviationBuffer[..channels.Length];
        double safety = Exposure.ExtinctionWeight * Math.Min(Math.Max(0, dims[0]), Exposure.Safety(dims));
        for (int i = 0; i < deviations.Length; i++)
        {
            deviations[i] = felt[i] - channels[i].Baseline;
            if (channels[i].Role == ChannelRole.Threat)
            {
                deviations[i] -= safety;
            }
        }

        SoulMatrix.Learn(_soulLearning.Of(s), dims, deviations, SoulBase(s), Soul(s));
    }

    /// <summary>Rebuilds the soul's base for a personality (each channel's response row scaled by its gain), and the soul.</summary>
    public void Rebuild(AgentState s, Personality personality)
    {
        BaseFor(personality, SoulBase(s));
        SoulMatrix.Apply(SoulBase(s), _soulLearning.Of(s), Soul(s));
    }

    /// <summary>Writes the soul's base for a personality: each channel's response weights times its gain (<see cref="IPersonalityModel.ChannelGain"/>).</summary>
    public void BaseFor(Personality personality, Span<double> @base)
    {
        var channels = _profile.Span;
        for (int i = 0; i < channels.Length; i++)
        {
            var c = channels[i];
            double gain = PersonalityReading.Gain(_model, personality, c);
            var row = @base.Slice(i * 4, 4);
            row[0] = c.Response.Tension * gain;
            row[1] = c.Response.Arousal * gain;
            row[2] = c.Response.Satisfaction * gain;
            row[3] = c.Response.Cohesion * gain;
        }
    }

    /// <summary>The soul as a public snapshot.</summary>
    public SoulMatrix Matrix(AgentState s, Personality personality) => new(_profile, Soul(s), SoulBase(s), personality);

    /// <summary>Every coefficient's growth: where it began for the configured personality, where it is, and what it learned.</summary>
    public SoulGrowth[] Growth(AgentState s, Personality configured)
    {
        var soul = Soul(s);
        var @base = SoulBase(s);
        Span<double> born = stackalloc double[soul.Length];
        BaseFor(configured, born);
        var growth = new SoulGrowth[soul.Length];
        for (int k = 0; k < growth.Length; k++)
        {
            growth[k] = new SoulGrowth(_profile.Channels[k / 4].Name, SoulMatrix.Dimensions[k % 4], born[k], soul[k], soul[k] - @base[k]);
        }

        return growth;
    }

    /// <inheritdoc />
    public void Write(AgentState s, Utf8JsonWriter writer)
    {
        writer.WriteNumbers("levels", Levels(s));
        writer.WriteNumbers("felt", Felt(s));
        writer.WriteNumber("frustration", Frustration(s));
        writer.WriteString("lastContact", _lastContact.Get(s));
        writer.WriteNumbers("soul", Soul(s));
        writer.WriteNumbers("soulLearning", _soulLearning.Of(s));
    }

    /// <inheritdoc />
    /// <remarks>The soul's base follows from the personality, which the growth section holds; <see cref="BaseFor"/> rebuilds it.</remarks>
    public void Read(SectionReader section, AgentState s)
    {
        section.Numbers("levels", Levels(s), 0, 1);
        section.Numbers("felt", Felt(s), 0, 1);
        Frustration(s) = section.Number("frustration", 0, 1);
        _lastContact.Set(s, section.Time("lastContact"));
        section.Numbers("soul", Soul(s));
        section.Numbers("soulLearning", _soulLearning.Of(s));
    }

    /// <summary>Adds what glands secrete to the levels, kept in [0, 1].</summary>
    private static void Secrete(Span<double> levels, ReadOnlySpan<double> deltas, double scale)
    {
        for (int i = 0; i < levels.Length; i++)
        {
            levels[i] = Math.Clamp(levels[i] + (scale * deltas[i]), 0, 1);
        }
    }

    private void AddDirect(in Stimulus stimulus, Span<double> response)
    {
        if (stimulus.RawChannels.IsDefault)
        {
            return;
        }

        foreach (var pair in stimulus.RawChannels)
        {
            response[_profile.IndexOf(pair.Key)] += pair.Value;
        }
    }
}
