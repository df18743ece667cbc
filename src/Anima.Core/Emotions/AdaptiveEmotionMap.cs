using System.Runtime.InteropServices;
using Anima.Numerics;

namespace Anima.Emotions;

/// <summary>
/// The default emotion map. The blend is the three nearest emotions with softmax weights
/// exp(−(d² − d²₀) / 0.08), normalised. Adaptation pulls the primary emotion's point 1% of the way
/// toward what was felt, at most 0.12 from its base on each axis, while every offset relaxes back by
/// 0.2% an experience: the map learns what this agent's fear feels like, without drifting away.
/// </summary>
internal sealed class AdaptiveEmotionMap : IEmotionMap
{
    private const double Temperature = 0.08;
    private const double LearningRate = 0.01;
    private const double Relaxation = 0.002;
    private const double MaxOffset = 0.12;

    public static AdaptiveEmotionMap Instance { get; } = new();

    public int Read(Vad point, EmotionTable table, ReadOnlySpan<Vad> offsets, Span<int> indices, Span<double> weights)
    {
        var emotions = table.Span;
        int capacity = Math.Min(Math.Min(indices.Length, weights.Length), emotions.Length);
        if (capacity <= 0)
        {
            throw new ArgumentException("The destinations must hold at least one emotion.", nameof(indices));
        }

        int count = capacity == 3 ? NearestThree(point, emotions, offsets, indices, weights) : 0;
        for (int i = count == 0 ? 0 : emotions.Length; i < emotions.Length; i++)
        {
            var p = emotions[i].Point;
            var o = offsets[i];
            double d2 = point.SquaredDistanceTo(new Vad(p.Valence + o.Valence, p.Arousal + o.Arousal, p.Dominance + o.Dominance));

            // Insertion into the sorted top list; ties keep table order, so the result is deterministic.
            int at = count;
            while (at > 0 && d2 < weights[at - 1])
            {
                at--;
            }

            if (at >= capacity)
            {
                continue;
            }

            int last = Math.Min(count, capacity - 1);
            for (int j = last; j > at; j--)
            {
                weights[j] = weights[j - 1];
                indices[j] = indices[j - 1];
            }

            weights[at] = d2;
            indices[at] = i;
            if (count < capacity)
            {
                count++;
            }
        }

        double nearest = weights[0];
        weights[0] = 1;
        double sum = 1;
        if (count == 3)
        {
            // The usual blend of three: both exponentials in one vector.
            (weights[1], weights[2]) = Exponentials.Exp((weights[1] - nearest) / -Temperature, (weights[2] - nearest) / -Temperature);
            sum += weights[1] + weights[2];
        }
        else
        {
            for (int i = 1; i < count; i++)
            {
                weights[i] = Math.Exp(-(weights[i] - nearest) / Temperature);
                sum += weights[i];
            }
        }

        for (int i = 0; i < count; i++)
        {
            weights[i] /= sum;
        }

        return count;
    }

    /// <summary>
    /// The three nearest emotions (fewer when the table is smaller), nearest first, with their squared distances
    /// in <paramref name="weights"/>; ties keep table order. The common case, kept in registers.
    /// </summary>
    private static int NearestThree(Vad point, ReadOnlySpan<EmotionDefinition> emotions, ReadOnlySpan<Vad> offsets, Span<int> indices, Span<double> weights)
    {
        double b0 = double.PositiveInfinity, b1 = double.PositiveInfinity, b2 = double.PositiveInfinity;
        int i0 = -1, i1 = -1, i2 = -1;
        for (int i = 0; i < emotions.Length; i++)
        {
            var p = emotions[i].Point;
            var o = offsets[i];
            double dv = point.Valence - (p.Valence + o.Valence);
            double da = point.Arousal - (p.Arousal + o.Arousal);
            double dd = point.Dominance - (p.Dominance + o.Dominance);
            double d2 = (dv * dv) + (da * da) + (dd * dd);
            if (!(d2 < b2) && i2 >= 0)
            {
                continue;
            }

            if (d2 < b0 || i0 < 0)
            {
                (b2, i2, b1, i1, b0, i0) = (b1, i1, b0, i0, d2, i);
            }
            else if (d2 < b1 || i1 < 0)
            {
                (b2, i2, b1, i1) = (b1, i1, d2, i);
            }
            else
            {
                (b2, i2) = (d2, i);
            }
        }

        int count = Math.Min(3, emotions.Length);
        (indices[0], weights[0]) = (i0, b0);
        if (count > 1)
        {
            (indices[1], weights[1]) = (i1, b1);
        }

        if (count > 2)
        {
            (indices[2], weights[2]) = (i2, b2);
        }

        return count;
    }

    public void Adapt(Vad point, EmotionTable table, int primary, Span<Vad> offsets)
    {
        var p = table.Span[primary].Point;
        var o = offsets[primary];
        offsets[primary] = new Vad(
            o.Valence + ((point.Valence - p.Valence - o.Valence) * LearningRate),
            o.Arousal + ((point.Arousal - p.Arousal - o.Arousal) * LearningRate),
            o.Dominance + ((point.Dominance - p.Dominance - o.Dominance) * LearningRate));

        // Every offset relaxes and stays within bounds.
        Shrink.ScaleAndClamp(MemoryMarshal.Cast<Vad, double>(offsets), 1 - Relaxation, MaxOffset);
    }
}
