using System.Globalization;

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
    public const int MaxChannels = 8;

    private readonly ChannelDefinition[] _channels;

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
    }

    /// <summary>
    /// Gets the default profile: tension, arousal, satisfaction and cohesion, with baselines 0.2, 0.2, 0.5
    /// and 0.5 (the baselines of Anima v6) and half-lives of eight, four, fifteen and twenty minutes.
    /// </summary>
    public static ChannelProfile Default { get; } = new("default",
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
            ExcessNeed = Need.Challenge, DeficitNeed = Need.Fulfilment,
        },
        new ChannelDefinition
        {
            Name = "cohesion", Baseline = 0.5, HalfLife = TimeSpan.FromMinutes(20), Role = ChannelRole.Bond,
            Response = new(0, 0, 0, 1), Affect = new(0.6, 0.1, 0.15),
            GainTrait = PersonalityTrait.Agreeableness, GainScale = 0.6, ExcessNeed = Need.Space, DeficitNeed = Need.Connection,
        },
    ]);

    /// <summary>
    /// Gets the hormonal profile: dopamine, serotonin, oxytocin, testosterone, cortisol and endorphins,
    /// mapped into emotion space in the spirit of Lövheim's cube (2012, Med. Hypotheses 78:341-348).
    /// </summary>
    public static ChannelProfile Hormonal { get; } = new("hormonal",
    [
        new ChannelDefinition
        {
            Name = "dopamine", Baseline = 0.5, HalfLife = TimeSpan.FromMinutes(10), Role = ChannelRole.Reward,
            Response = new(-0.1, 0.5, 0.8, 0.1), Affect = new(0.5, 0.4, 0.3),
            GainTrait = PersonalityTrait.Extraversion, GainScale = 0.6, DeficitNeed = Need.Stimulation,
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
            GainTrait = PersonalityTrait.Agreeableness, GainScale = 0.6, ExcessNeed = Need.Space, DeficitNeed = Need.Connection,
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
    ]);

    /// <summary>Gets the display name of the profile.</summary>
    public string Name { get; }

    /// <summary>Gets the channels in order.</summary>
    public IReadOnlyList<ChannelDefinition> Channels => _channels;

    /// <summary>Gets the number of channels.</summary>
    public int Count => _channels.Length;

    internal ReadOnlySpan<ChannelDefinition> Span => _channels;

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
