using System.Collections.Immutable;
using System.Globalization;
using Anima.Numerics;

namespace Anima;

/// <summary>
/// An event felt by the agent: signed deltas in [−1, 1] over named channels. The four appraisal
/// dimensions of the default profile are properties; any channel of the agent's profile (for example
/// <c>"cortisol"</c> in <see cref="ChannelProfile.Hormonal"/>) can be moved directly by name.
/// </summary>
/// <remarks>
/// <para>
/// A stimulus is an immutable value. Every value is validated when it is set: NaN, an infinity or a
/// value outside [−1, 1] throws an <see cref="ArgumentOutOfRangeException"/> naming the channel and the
/// value. A channel name the agent's profile does not know is refused by <see cref="AnimaCore.Experience"/>
/// before anything in the agent changes.
/// </para>
/// <para>
/// The four dimensions are appraisals, not reactor levels: the agent's soul matrix turns them into a
/// response of its own channels, scaled by its personality.
/// </para>
/// </remarks>
public readonly struct Stimulus : IEquatable<Stimulus>
{
    /// <summary>The channel name of <see cref="Tension"/>.</summary>
    public const string TensionChannel = "tension";

    /// <summary>The channel name of <see cref="Arousal"/>.</summary>
    public const string ArousalChannel = "arousal";

    /// <summary>The channel name of <see cref="Satisfaction"/>.</summary>
    public const string SatisfactionChannel = "satisfaction";

    /// <summary>The channel name of <see cref="Cohesion"/>.</summary>
    public const string CohesionChannel = "cohesion";

    private readonly double _tension;
    private readonly double _arousal;
    private readonly double _satisfaction;
    private readonly double _cohesion;
    private readonly ImmutableArray<KeyValuePair<string, double>> _channels;

    /// <summary>Gets the change of tension: threat, stress, pressure (negative: relief).</summary>
    /// <value>A value in [−1, 1]. The default value is 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or outside [−1, 1].</exception>
    public double Tension
    {
        get => _tension;
        init => _tension = UnitInterval.RequireSigned(value, TensionChannel, "Stimulus channel");
    }

    /// <summary>Gets the change of arousal: excitement, activation (negative: calming).</summary>
    /// <value>A value in [−1, 1]. The default value is 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or outside [−1, 1].</exception>
    public double Arousal
    {
        get => _arousal;
        init => _arousal = UnitInterval.RequireSigned(value, ArousalChannel, "Stimulus channel");
    }

    /// <summary>Gets the change of satisfaction: success, reward, pleasure (negative: loss, failure).</summary>
    /// <value>A value in [−1, 1]. The default value is 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or outside [−1, 1].</exception>
    public double Satisfaction
    {
        get => _satisfaction;
        init => _satisfaction = UnitInterval.RequireSigned(value, SatisfactionChannel, "Stimulus channel");
    }

    /// <summary>Gets the change of cohesion: closeness, belonging (negative: rejection, isolation).</summary>
    /// <value>A value in [−1, 1]. The default value is 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN, infinite or outside [−1, 1].</exception>
    public double Cohesion
    {
        get => _cohesion;
        init => _cohesion = UnitInterval.RequireSigned(value, CohesionChannel, "Stimulus channel");
    }

    /// <summary>Gets the deltas addressed to channels by name, beyond the four appraisal dimensions.</summary>
    /// <value>The named deltas in the order they were added; empty by default.</value>
    public IReadOnlyList<KeyValuePair<string, double>> Channels => _channels.IsDefault ? [] : _channels;

    /// <summary>Gets a value indicating whether every delta of this stimulus is zero.</summary>
    public bool IsEmpty
    {
        get
        {
            if (_tension != 0 || _arousal != 0 || _satisfaction != 0 || _cohesion != 0)
            {
                return false;
            }

            if (!_channels.IsDefault)
            {
                foreach (var pair in _channels)
                {
                    if (pair.Value != 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Gets the Euclidean size of the four appraisal dimensions and the named deltas together.
    /// </summary>
    public double Magnitude
    {
        get
        {
            double sum = (_tension * _tension) + (_arousal * _arousal) + (_satisfaction * _satisfaction) + (_cohesion * _cohesion);
            if (!_channels.IsDefault)
            {
                foreach (var pair in _channels)
                {
                    sum += pair.Value * pair.Value;
                }
            }

            return Math.Sqrt(sum);
        }
    }

    internal ImmutableArray<KeyValuePair<string, double>> RawChannels => _channels;

    /// <summary>
    /// Returns a copy of this stimulus with the delta of one channel set. The four appraisal dimensions
    /// may be named too (<c>"tension"</c>, <c>"arousal"</c>, <c>"satisfaction"</c>, <c>"cohesion"</c>).
    /// Names are case-insensitive.
    /// </summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="value">The delta in [−1, 1].</param>
    /// <returns>The new stimulus; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN, infinite or outside [−1, 1].</exception>
    public Stimulus With(string channel, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        UnitInterval.RequireSigned(value, channel, "Stimulus channel");

        if (channel.Equals(TensionChannel, StringComparison.OrdinalIgnoreCase))
        {
            return this with { Tension = value };
        }

        if (channel.Equals(ArousalChannel, StringComparison.OrdinalIgnoreCase))
        {
            return this with { Arousal = value };
        }

        if (channel.Equals(SatisfactionChannel, StringComparison.OrdinalIgnoreCase))
        {
            return this with { Satisfaction = value };
        }

        if (channel.Equals(CohesionChannel, StringComparison.OrdinalIgnoreCase))
        {
            return this with { Cohesion = value };
        }

        var channels = _channels.IsDefault ? [] : _channels;
        for (int i = 0; i < channels.Length; i++)
        {
            if (channels[i].Key.Equals(channel, StringComparison.OrdinalIgnoreCase))
            {
                return WithChannels(channels.SetItem(i, new(channels[i].Key, value)));
            }
        }

        return WithChannels(channels.Add(new(channel, value)));
    }

    /// <summary>Gets the delta of a channel by name, or 0 when this stimulus does not move it.</summary>
    /// <param name="channel">The channel name, case-insensitive.</param>
    /// <returns>The delta in [−1, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    public double Get(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Equals(TensionChannel, StringComparison.OrdinalIgnoreCase))
        {
            return _tension;
        }

        if (channel.Equals(ArousalChannel, StringComparison.OrdinalIgnoreCase))
        {
            return _arousal;
        }

        if (channel.Equals(SatisfactionChannel, StringComparison.OrdinalIgnoreCase))
        {
            return _satisfaction;
        }

        if (channel.Equals(CohesionChannel, StringComparison.OrdinalIgnoreCase))
        {
            return _cohesion;
        }

        if (!_channels.IsDefault)
        {
            foreach (var pair in _channels)
            {
                if (pair.Key.Equals(channel, StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Value;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// Adds two stimuli channel by channel, clamping each sum to [−1, 1].
    /// </summary>
    /// <param name="other">The stimulus to add.</param>
    /// <returns>The combined stimulus.</returns>
    public Stimulus Add(Stimulus other)
    {
        var result = new Stimulus
        {
            Tension = Math.Clamp(_tension + other._tension, -1, 1),
            Arousal = Math.Clamp(_arousal + other._arousal, -1, 1),
            Satisfaction = Math.Clamp(_satisfaction + other._satisfaction, -1, 1),
            Cohesion = Math.Clamp(_cohesion + other._cohesion, -1, 1),
        };

        if (!_channels.IsDefault)
        {
            foreach (var pair in _channels)
            {
                result = result.With(pair.Key, pair.Value);
            }
        }

        if (!other._channels.IsDefault)
        {
            foreach (var pair in other._channels)
            {
                result = result.With(pair.Key, Math.Clamp(result.Get(pair.Key) + pair.Value, -1, 1));
            }
        }

        return result;
    }

    /// <summary>Adds two stimuli channel by channel, clamping each sum to [−1, 1].</summary>
    /// <param name="left">The first stimulus.</param>
    /// <param name="right">The second stimulus.</param>
    /// <returns>The combined stimulus.</returns>
    public static Stimulus operator +(Stimulus left, Stimulus right) => left.Add(right);

    /// <summary>Compares two stimuli for equality of every delta.</summary>
    /// <param name="left">The first stimulus.</param>
    /// <param name="right">The second stimulus.</param>
    /// <returns><see langword="true"/> when both move the same channels by the same amounts.</returns>
    public static bool operator ==(Stimulus left, Stimulus right) => left.Equals(right);

    /// <summary>Compares two stimuli for inequality.</summary>
    /// <param name="left">The first stimulus.</param>
    /// <param name="right">The second stimulus.</param>
    /// <returns><see langword="true"/> when they differ in any delta.</returns>
    public static bool operator !=(Stimulus left, Stimulus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Stimulus other)
    {
        if (_tension != other._tension || _arousal != other._arousal || _satisfaction != other._satisfaction || _cohesion != other._cohesion)
        {
            return false;
        }

        var mine = Channels;
        var theirs = other.Channels;
        foreach (var pair in mine)
        {
            if (pair.Value != 0 && other.Get(pair.Key) != pair.Value)
            {
                return false;
            }
        }

        foreach (var pair in theirs)
        {
            if (pair.Value != 0 && Get(pair.Key) != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Stimulus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-independent, and blind to zero deltas, as Equals is.
        int extra = 0;
        foreach (var pair in Channels)
        {
            if (pair.Value != 0)
            {
                extra ^= HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Key), pair.Value);
            }
        }

        return HashCode.Combine(_tension, _arousal, _satisfaction, _cohesion, extra);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Stimulus(tension {_tension:0.###}, arousal {_arousal:0.###}, satisfaction {_satisfaction:0.###}, cohesion {_cohesion:0.###}");
        foreach (var pair in Channels)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {pair.Key} {pair.Value:0.###}");
        }

        return text + ")";
    }

    private Stimulus WithChannels(ImmutableArray<KeyValuePair<string, double>> channels) => new(this, channels);

    private Stimulus(Stimulus source, ImmutableArray<KeyValuePair<string, double>> channels)
    {
        _tension = source._tension;
        _arousal = source._arousal;
        _satisfaction = source._satisfaction;
        _cohesion = source._cohesion;
        _channels = channels;
    }
}
