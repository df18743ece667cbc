using System.Globalization;
using Anima.Numerics;

namespace Anima;

/// <summary>
/// The set of reactor channels an agent has, as data: the default four reactors, the hormonal
/// profile, or a profile of your own.
/// </summary>
/// <remarks>
/// A profile holds one to <see cref="MaxChannels"/> channels with unique names; it is validated when
/// built and immutable afterwards, so one instance can be shared by many agents.
/// </remarks>
public sealed class ChannelProfile
{
    /// <summary>The largest number of channels a profile may hold.</summary>
    /// <remarks>Integration (φ) enumerates every bipartition of the channels, which stays cheap up to eight.</remarks>
    public const int MaxChannels = ChannelNumbers.Capacity;

    private readonly double[] _deviationScales;
    private readonly double[] _relaxRates;
    private readonly ChannelDefinition[] _channels;
    private readonly Gland[] _glands;

    /// <summary>Per trigger, the sum of its glands' amounts on each channel.</summary>
    private readonly double[][] _glandDeltas;

    /// <summary>Initializes a new profile.</summary>
    /// <param name="name">A display name for the profile.</param>
    /// <param name="channels">The channels, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="channels"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// There are no channels or more than <see cref="MaxChannels"/>, two share a name, or a channel has a
    /// baseline outside (0, 1), a half-life that is not positive, a tolerance outside [0, 1) or a
    /// coefficient that is not finite.
    /// </exception>
    public ChannelProfile(string name, IEnumerable<ChannelDefinition> channels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(channels);
        _channels = [.. channels];
        if (_channels.Length is 0 or > MaxChannels)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A channel profile needs between one and {MaxChannels} channels, but '{name}' has {_channels.Length}."),
                nameof(channels));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var channel in _channels)
        {
            Validate(channel, seen);
        }

        Name = name;
        _glands = [];
        _glandDeltas = Deltas(_channels, _glands);
        _relaxRates = RelaxRates(_channels);
        _deviationScales = DeviationScales(_channels);
    }

    private ChannelProfile(ChannelProfile profile, Gland[] glands)
    {
        _channels = profile._channels;
        Name = profile.Name;
        _glands = glands;
        _glandDeltas = Deltas(_channels, glands);
        _relaxRates = profile._relaxRates;
        _deviationScales = profile._deviationScales;
    }

    /// <summary>
    /// Gets the default profile: tension, arousal, satisfaction and cohesion, with baselines 0.2, 0.2, 0.5
    /// and 0.5 (the baselines of Anima v6) and half-lives of eight, four, fifteen and twenty minutes.
    /// </summary>
    /// <remarks>
    /// Its glands: a user message raises cohesion by 0.05 and arousal by 0.03; a tool failure raises tension by
    /// 0.05; a success raises satisfaction by 0.03; relief after frustration f lowers tension by 0.3·f and
    /// raises satisfaction by 0.3·f.
    /// </remarks>
    public static ChannelProfile Default { get; } = new ChannelProfile("default",
    [
        new ChannelDefinition
        {
            Name = "tension", Baseline = 0.2, HalfLife = TimeSpan.FromMinutes(8), Role = ChannelRole.Threat,
            Response = new(1, 0, 0, 0), Affect = new(-0.8, 0.6, -0.6),
            GainTrait = PersonalityTrait.Neuroticism, GainScale = 0.8, ExcessNeed = Need.Safety,
        },
        new ChannelDefinition
        {
            Name = "arousal", Baseline = 0.2, HalfLife = TimeSpan.FromMinutes(4), Role = ChannelRole.Energy,
            Response = new(0, 1, 0, 0), Affect = new(0.1, 0.9, 0.5),
            GainTrait = PersonalityTrait.Extraversion, GainScale = 0.6, ExcessNeed = Need.Rest, DeficitNeed = Need.Stimulation,
        },
        new ChannelDefinition
        {
            Name = "satisfaction", Baseline = 0.5, HalfLife = TimeSpan.FromMinutes(15), Role = ChannelRole.Reward,
            Response = new(0, 0, 1, 0), Affect = new(0.8, 0.1, 0.2),
            DeficitNeed = Need.Fulfilment,
        },
        new ChannelDefinition
        {
            Name = "cohesion", Baseline = 0.5, HalfLife = TimeSpan.FromMinutes(20), Role = ChannelRole.Bond,
            Response = new(0, 0, 0, 1), Affect = new(0.6, 0.1, 0.15),
            GainTrait = PersonalityTrait.Agreeableness, GainScale = 0.6, DeficitNeed = Need.Connection,
        },
    ]).WithGlands(
    [
        new(GlandTrigger.UserMessage, "cohesion", 0.05),
        new(GlandTrigger.UserMessage, "arousal", 0.03),
        new(GlandTrigger.ToolFailure, "tension", 0.05),
        new(GlandTrigger.ToolSuccess, "satisfaction", 0.03),
        new(GlandTrigger.Relief, "tension", -0.3),
        new(GlandTrigger.Relief, "satisfaction", 0.3),
    ]);

    /// <summary>
    /// Gets the hormonal profile: dopamine, serotonin, oxytocin, testosterone, cortisol and endorphins,
    /// mapped into emotion space in the spirit of Lövheim's cube (2012, Med. Hypotheses 78:341-348).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Baselines and half-lives: dopamine 0.5 and ten minutes, serotonin 0.6 and an hour, oxytocin 0.4 and twenty
    /// minutes, testosterone 0.4 and forty-five minutes, cortisol 0.3 and thirty minutes, endorphins 0.3 and
    /// fifteen minutes. Frustration, kept beside them (<see cref="AnimaState.Frustration"/>), halves every ten minutes.
    /// </para>
    /// <para>
    /// Emotion space: each hormone pulls the felt point along its <see cref="ChannelDefinition.Affect"/>. As in
    /// Lövheim's cube, serotonin and dopamine make it pleasant (serotonin calm and sure, dopamine eager), while
    /// cortisol plays noradrenaline's stressful part: unpleasant, aroused and submissive. Oxytocin and endorphins
    /// are pleasant and calming; testosterone raises dominance.
    /// </para>
    /// <para>
    /// Its glands (REFERENCE.md §5): a user message adds 0.05 to oxytocin (bonding) and 0.03 to dopamine
    /// (engagement); a tool failure adds 0.05 to cortisol and takes 0.03 from dopamine; a success adds 0.04 to
    /// dopamine; relief after frustration f adds 0.4·f to endorphins and 0.2·f to dopamine, and takes 0.2·f from cortisol.
    /// </para>
    /// </remarks>
    public static ChannelProfile Hormonal { get; } = new ChannelProfile("hormonal",
    [
        new ChannelDefinition
        {
            Name = "dopamine", Baseline = 0.5, HalfLife = TimeSpan.FromMinutes(10), Role = ChannelRole.Reward,
            Response = new(-0.1, 0.5, 0.8, 0.1), Affect = new(0.5, 0.4, 0.3),
            GainTrait = PersonalityTrait.Extraversion, GainScale = 0.6, ExcessNeed = Need.Understanding, DeficitNeed = Need.Stimulation,
        },
        new ChannelDefinition
        {
            Name = "serotonin", Baseline = 0.6, HalfLife = TimeSpan.FromMinutes(60), Role = ChannelRole.Mood,
            Response = new(-0.5, -0.1, 0.4, 0.3), Affect = new(0.6, -0.3, 0.4),
            GainTrait = PersonalityTrait.Neuroticism, GainScale = -0.4, DeficitNeed = Need.Comfort,
        },
        new ChannelDefinition
        {
            Name = "oxytocin", Baseline = 0.4, HalfLife = TimeSpan.FromMinutes(20), Role = ChannelRole.Bond,
            Response = new(-0.2, 0, 0.1, 1), Affect = new(0.5, -0.2, -0.1),
            GainTrait = PersonalityTrait.Agreeableness, GainScale = 0.6, DeficitNeed = Need.Connection,
        },
        new ChannelDefinition
        {
            Name = "testosterone", Baseline = 0.4, HalfLife = TimeSpan.FromMinutes(45), Role = ChannelRole.Assertion,
            Response = new(0.2, 0.5, 0.3, -0.2), Affect = new(0.1, 0.4, 0.7),
            GainTrait = PersonalityTrait.Extraversion, GainScale = 0.4, ExcessNeed = Need.Restraint, DeficitNeed = Need.Confidence,
        },
        new ChannelDefinition
        {
            Name = "cortisol", Baseline = 0.3, HalfLife = TimeSpan.FromMinutes(30), Role = ChannelRole.Threat,
            Response = new(1, 0.3, -0.3, -0.3), Affect = new(-0.8, 0.6, -0.6),
            GainTrait = PersonalityTrait.Neuroticism, GainScale = 0.8, ExcessNeed = Need.Safety,
        },
        new ChannelDefinition
        {
            Name = "endorphins", Baseline = 0.3, HalfLife = TimeSpan.FromMinutes(15), Role = ChannelRole.Relief,
            Response = new(0.2, 0.3, 0.5, 0.2), Affect = new(0.5, -0.3, 0.2),
            DeficitNeed = Need.Comfort,
        },
    ]).WithGlands(
    [
        new(GlandTrigger.UserMessage, "oxytocin", 0.05),
        new(GlandTrigger.UserMessage, "dopamine", 0.03),
        new(GlandTrigger.ToolFailure, "cortisol", 0.05),
        new(GlandTrigger.ToolFailure, "dopamine", -0.03),
        new(GlandTrigger.ToolSuccess, "dopamine", 0.04),
        new(GlandTrigger.Relief, "endorphins", 0.4),
        new(GlandTrigger.Relief, "dopamine", 0.2),
        new(GlandTrigger.Relief, "cortisol", -0.2),
    ]);

    /// <summary>Gets the display name of the profile.</summary>
    public string Name { get; }

    /// <summary>Gets the channels in order.</summary>
    public IReadOnlyList<ChannelDefinition> Channels => _channels;

    /// <summary>Gets the number of channels.</summary>
    public int Count => _channels.Length;

    /// <summary>Gets the glands: how the profile's channels answer user messages and tool results (see <see cref="WithGlands"/>).</summary>
    public IReadOnlyList<Gland> Glands => _glands;

    /// <summary>Returns a profile with the same name and channels and these glands instead of its own.</summary>
    /// <param name="glands">The glands; several may answer one trigger, and several may move one channel.</param>
    /// <returns>The new profile. Agents saved with this profile load into one with other glands, since glands change no stored state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="glands"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A gland names a channel the profile does not have, has an undefined trigger, or an amount that is not finite or outside [−1, 1].</exception>
    public ChannelProfile WithGlands(IEnumerable<Gland> glands)
    {
        ArgumentNullException.ThrowIfNull(glands);
        Gland[] all = [.. glands];
        foreach (var gland in all)
        {
            ArgumentNullException.ThrowIfNull(gland, nameof(glands));
            if (!Enum.IsDefined(gland.Trigger))
            {
                throw new ArgumentException($"A gland has the undefined trigger {gland.Trigger}.", nameof(glands));
            }

            if (gland.Channel is null || IndexOf(gland.Channel) < 0)
            {
                throw new ArgumentException($"A gland for {gland.Trigger} names the channel '{gland.Channel}', which profile '{Name}' does not have.", nameof(glands));
            }

            if (!double.IsFinite(gland.Amount) || Math.Abs(gland.Amount) > 1)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The gland for {gland.Trigger} on '{gland.Channel}' has the amount {gland.Amount}; it must be in [-1, 1]."), nameof(glands));
            }
        }

        return new ChannelProfile(this, all);
    }

    /// <summary>What the glands of a trigger add to each channel, in channel order.</summary>
    internal ReadOnlySpan<double> GlandDeltas(GlandTrigger trigger) => _glandDeltas[(int)trigger];

    internal ReadOnlySpan<ChannelDefinition> Span => _channels;

    /// <summary>Each channel's relaxation rate, ln 2 per second of its half-life.</summary>
    internal ReadOnlySpan<double> RelaxRateSpan => _relaxRates;

    /// <summary>
    /// A level's deviation from channel <paramref name="channel"/>'s baseline, normalised to [−1, 1] by the room on
    /// that side: (level − baseline) / (1 − baseline) above it, (level − baseline) / baseline below, with the
    /// divisions worked out once per profile.
    /// </summary>
    internal double Deviation(int channel, double level)
    {
        double away = level - _channels[channel].Baseline;
        return away * _deviationScales[(2 * channel) + (away >= 0 ? 1 : 0)];
    }

    /// <summary>For each channel, 1 / baseline (below it) and 1 / (1 − baseline) (above it).</summary>
    private static double[] DeviationScales(ChannelDefinition[] channels)
    {
        var scales = new double[2 * channels.Length];
        for (int i = 0; i < channels.Length; i++)
        {
            scales[2 * i] = 1 / channels[i].Baseline;
            scales[(2 * i) + 1] = 1 / (1 - channels[i].Baseline);
        }

        return scales;
    }

    private static double[] RelaxRates(ChannelDefinition[] channels)
    {
        var rates = new double[channels.Length];
        for (int i = 0; i < rates.Length; i++)
        {
            rates[i] = 0.693147180559945309 / channels[i].HalfLife.TotalSeconds;
        }

        return rates;
    }

    /// <summary>Gets the index of a channel by name (case-insensitive).</summary>
    /// <param name="name">The channel name.</param>
    /// <returns>The index, or −1 when the profile has no such channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < _channels.Length; i++)
        {
            if (_channels[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets the index of the first channel with a role, or −1.</summary>
    /// <param name="role">The role to look for.</param>
    /// <returns>The index, or −1 when no channel has that role.</returns>
    public int IndexOf(ChannelRole role)
    {
        for (int i = 0; i < _channels.Length; i++)
        {
            if (_channels[i].Role == role)
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static double[][] Deltas(ChannelDefinition[] channels, Gland[] glands)
    {
        var deltas = new double[Enum.GetValues<GlandTrigger>().Length][];
        for (int t = 0; t < deltas.Length; t++)
        {
            deltas[t] = new double[channels.Length];
        }

        foreach (var gland in glands)
        {
            int channel = Array.FindIndex(channels, c => c.Name.Equals(gland.Channel, StringComparison.OrdinalIgnoreCase));
            deltas[(int)gland.Trigger][channel] += gland.Amount;
        }

        return deltas;
    }

    private static void Validate(ChannelDefinition channel, HashSet<string> seen)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (string.IsNullOrWhiteSpace(channel.Name))
        {
            throw new ArgumentException("A channel needs a name.", nameof(channel));
        }

        if (!seen.Add(channel.Name))
        {
            throw new ArgumentException($"Two channels are named '{channel.Name}'.", nameof(channel));
        }

        Require(channel, channel.Baseline is > 0 and < 1, "a baseline in (0, 1)", channel.Baseline);
        Require(channel, channel.HalfLife > TimeSpan.Zero, "a positive half-life", channel.HalfLife.TotalSeconds);
        Require(channel, channel.Tolerance is >= 0 and < 1, "a tolerance in [0, 1)", channel.Tolerance);
        Require(channel, double.IsFinite(channel.GainScale) && Math.Abs(channel.GainScale) <= 2, "a gain scale in [-2, 2]", channel.GainScale);
        var r = channel.Response;
        Require(channel, AllFinite(r.Tension, r.Arousal, r.Satisfaction) && double.IsFinite(r.Cohesion), "finite response weights", r.Tension + r.Arousal + r.Satisfaction + r.Cohesion);
        var a = channel.Affect;
        Require(channel, AllFinite(a.Valence, a.Arousal, a.Dominance), "finite affect weights", a.Valence + a.Arousal + a.Dominance);

        static bool AllFinite(double x, double y, double z) => double.IsFinite(x) && double.IsFinite(y) && double.IsFinite(z);
    }

    private static void Require(ChannelDefinition channel, bool condition, string what, double value)
    {
        if (!condition)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Channel '{channel.Name}' needs {what}, but has {value}."),
                nameof(channel));
        }
    }
}
