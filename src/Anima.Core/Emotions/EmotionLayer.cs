using System.Text.Json;
using Anima.Numerics;
using Anima.StateModel;

namespace Anima.Emotions;

/// <summary>
/// L2, emotion: the felt point in valence-arousal-dominance space, the blend of the nearest emotions in the agent's
/// adaptive map (through its <see cref="IEmotionMap"/>, checked against the contract), how a feeling shows under the
/// table's expression rules, and the map's adaptation.
/// </summary>
internal sealed class EmotionLayer : IStateSection
{
    /// <summary>How many emotions a blend holds at most.</summary>
    public const int BlendSize = 3;

    /// <summary>How much of the personality's temperament colours every felt point: a quarter (chosen so that temperament tints, and events lead).</summary>
    private const double TemperamentWeight = 0.25;

    /// <summary>The weight from which the second emotion of a blend is felt as a subtext.</summary>
    private const double SubtextWeight = 0.15;

    /// <summary>The confidence from which the speaker's feeling is named in the social mirror.</summary>
    private const double PerceivedConfidence = 0.15;

    /// <summary>How far from neutral the speaker must seem before the mirror names a feeling of theirs: a plain question names none.</summary>
    private const double PerceivedRestRadius = 0.2;

    /// <summary>
    /// Below this distance from the origin a point is read where it is, so a state at rest reads as the table's
    /// entry nearest the origin (Calm in <see cref="EmotionTable.Default"/>).
    /// </summary>
    public const double RestRadius = 0.1;

    /// <summary>
    /// A point nearer the origin than this (and beyond <see cref="RestRadius"/>) is read along its direction at this
    /// distance: which emotion is felt depends on the direction of the point, how strongly on its length (the
    /// intensity). Without it a mild sadness, near the origin, read as whichever negative entry lies nearest the origin.
    /// </summary>
    public const double ReadingRadius = 0.8;

    private readonly ChannelProfile _profile;
    private readonly EmotionTable _table;
    private readonly IEmotionMap _map;
    private readonly NumberRange _offsets;

    public EmotionLayer(StateLayout layout, ChannelProfile profile, EmotionTable table, IEmotionMap map)
    {
        _profile = profile;
        _table = table;
        _map = map;
        _offsets = layout.Numbers(3 * table.Count);
    }

    /// <inheritdoc />
    public string Name => "emotion";

    /// <summary>Gets the emotion table the map adapts.</summary>
    public EmotionTable Table => _table;

    /// <summary>Gets each emotion's learned offset from its point in the table.</summary>
    public Span<Vad> Offsets(AgentState s) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vad>(_offsets.Of(s));

    /// <summary>The map unadapted.</summary>
    public void Reset(AgentState s) => _offsets.Of(s).Clear();

    /// <summary>
    /// The felt point: each channel's normalised deviation times its affect, plus a quarter of the personality's
    /// temperament, squashed into [−1, 1] by tanh.
    /// </summary>
    public Vad FeltPoint(ReadOnlySpan<double> levels, Vad temperament)
    {
        var channels = _profile.Span;
        double v = TemperamentWeight * temperament.Valence;
        double a = TemperamentWeight * temperament.Arousal;
        double d = TemperamentWeight * temperament.Dominance;
        for (int i = 0; i < channels.Length; i++)
        {
            double dev = _profile.Deviation(i, levels[i]);
            var affect = channels[i].Affect;
            v += dev * affect.Valence;
            a += dev * affect.Arousal;
            d += dev * affect.Dominance;
        }

        return Vad.Tanh(v, a, d);
    }

    /// <summary>Reads the blend at a point: the nearest emotions, largest weight first, weights summing to one.</summary>
    /// <exception cref="InvalidOperationException">The map returned a blend outside its contract.</exception>
    public int Read(Vad vad, AgentState s, Span<int> indices, Span<double> weights)
    {
        int count = _map.Read(Reading(vad), _table, Offsets(s), indices, weights);
        if (count < 1 || count > indices.Length)
        {
            throw new InvalidOperationException($"The emotion map {_map.GetType().Name} returned {count} emotions; it must return between one and {indices.Length}.");
        }

        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            if ((uint)indices[i] >= (uint)_table.Count || !(weights[i] > 0 && weights[i] <= 1) || (i > 0 && weights[i] > weights[i - 1]))
            {
                throw new InvalidOperationException($"The emotion map {_map.GetType().Name} returned an invalid blend; indices must be in the table and weights in (0, 1], largest first.");
            }

            sum += weights[i];
        }

        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw new InvalidOperationException($"The emotion map {_map.GetType().Name} returned weights summing to {sum}; they must sum to 1.");
        }

        return count;
    }

    /// <summary>The map learns what this agent's primary emotion feels like.</summary>
    public void Adapt(AgentState s, Vad vad, int primary) => _map.Adapt(Reading(vad), _table, primary, Offsets(s));

    /// <summary>Where a felt or perceived point is read: at rest where it is, otherwise along its direction at least <see cref="ReadingRadius"/> out.</summary>
    public static Vad Reading(Vad point)
    {
        double length = point.Magnitude;
        if (length < RestRadius || length >= ReadingRadius)
        {
            return point;
        }

        double k = ReadingRadius / length;
        return new Vad(point.Valence * k, point.Arousal * k, point.Dominance * k);
    }

    /// <summary>The second emotion of a blend, when it weighs enough to be felt beneath the first.</summary>
    public string? Subtext(ReadOnlySpan<int> indices, ReadOnlySpan<double> weights, int count) =>
        count > 1 && weights[1] >= SubtextWeight ? _table.Span[indices[1]].Name : null;

    /// <summary>The emotion nearest to how the speaker seems, when the impression is confident enough to name one.</summary>
    public string? Perceived(SpeakerImpression speaker)
    {
        if (speaker.Confidence < PerceivedConfidence || speaker.Point.Magnitude < PerceivedRestRadius)
        {
            return null;
        }

        var emotions = _table.Span;
        var reading = Reading(speaker.Point);
        int best = 0;
        double nearest = double.MaxValue;
        for (int i = 0; i < emotions.Length; i++)
        {
            double d = emotions[i].Point.SquaredDistanceTo(reading);
            if (d < nearest)
            {
                nearest = d;
                best = i;
            }
        }

        return emotions[best].Name;
    }

    /// <summary>How a primary emotion shows, by the first of the table's expression rules that holds (fear with no bond left shows as numbness).</summary>
    public string Express(string primary, ReadOnlySpan<double> levels, Personality personality)
    {
        foreach (var rule in _table.RuleSpan)
        {
            if (rule.Emotion != primary)
            {
                continue;
            }

            if (rule.Trait is { } trait && !Within(personality[trait], rule.TraitBelow, rule.TraitAbove))
            {
                continue;
            }

            if (rule.Role is { } role)
            {
                int i = _profile.IndexOf(role);
                if (i < 0 || !Within(levels[i], rule.RoleBelow, rule.RoleAbove))
                {
                    continue;
                }
            }

            return rule.ShowsAs;
        }

        return primary;

        static bool Within(double value, double? below, double? above) =>
            (below is not { } b || value < b) && (above is not { } a || value > a);
    }

    /// <summary>The table's own instance of an emotion's name, or null when the table has no such emotion.</summary>
    public string? Named(string? name)
    {
        foreach (var emotion in _table.Span)
        {
            if (emotion.Name == name)
            {
                return emotion.Name;
            }
        }

        return null;
    }

    /// <summary>The index of an emotion in the table.</summary>
    /// <exception cref="InvalidDataException">The table has no such emotion; the message names the field.</exception>
    public int IndexOf(string? name, string field)
    {
        var emotions = _table.Span;
        for (int i = 0; i < emotions.Length; i++)
        {
            if (emotions[i].Name == name)
            {
                return i;
            }
        }

        throw SectionReader.Refuse($"{field} is '{name}', which is not an emotion of this agent's table");
    }

    /// <summary>The table's instance of an emotion's name.</summary>
    /// <exception cref="InvalidDataException">The table has no such emotion; the message names the field.</exception>
    public string Emotion(string? name, string field) =>
        Named(name) ?? throw SectionReader.Refuse($"{field} is '{name}', which is not an emotion of this agent's table");

    /// <inheritdoc />
    public void Write(AgentState s, Utf8JsonWriter writer) => writer.WriteNumbers("mapOffsets", _offsets.Of(s));

    /// <inheritdoc />
    public void Read(SectionReader section, AgentState s)
    {
        // Each offset is a point: finite on every axis.
        section.Numbers("mapOffsets", _offsets.Of(s));
    }
}
