using System.Buffers;
using System.Numerics.Tensors;
using Anima.Memory;

namespace Anima;

/// <summary>
/// Recall's scoring, and the int8 index that narrows a recall over many float memories without changing what it finds.
/// </summary>
/// <remarks>
/// <para>
/// Beyond the caches a scan of float rows is bound by memory bandwidth (1.5 KB a row of 384 dimensions). From
/// <see cref="MemoryOptions.RecallIndexThreshold"/> memories on, the bank also keeps each row as int8 codes with its
/// step (the row's largest magnitude over 127), and a recall scans those first, a quarter of the bytes. A code differs
/// from its float by at most half a step, so the int8 dot product bounds the cosine on both sides:
/// |x·c − s<sub>x</sub>s<sub>c</sub>·q·r| ≤ s<sub>x</sub>/2·‖c‖₁ + s<sub>c</sub>/2·s<sub>x</sub>‖q‖₁. The first pass
/// scores every row at both ends of that interval; the k-th best lower score is a floor that the true k-th best
/// reaches, and only the rows whose upper score reaches the floor are scored again from their floats, in row order.
/// The memories recalled, their order and their scores are those of the full float scan.
/// </para>
/// </remarks>
public sealed partial class EmotionalMemoryBank
{
    private const int Chunk = 1024;

    /// <summary>
    /// How far a bound summed in another order (relevance plus the rest) may stray from <see cref="Scoring.Score"/>: far
    /// above the rounding of four products of numbers of order one, far below any difference a recall tells apart.
    /// </summary>
    private const double RoundingMargin = 1e-9;

    /// <summary>The int8 codes of the float rows indexed so far, <see cref="Int8Embeddings.RowsPerChunk"/> rows to an array.</summary>
    private readonly List<sbyte[]> _indexCodes = [];

    /// <summary>Per indexed row: its step, and its step times the sum of its codes' magnitudes (the L1 length of what the codes stand for).</summary>
    private float[] _indexSteps = [], _indexLengths = [];

    private int _indexed;

    /// <summary>Scores the rows through the int8 index: a bound for every row, then the floats of those that may be among the best. Call under the lock.</summary>
    private void ScanIndexed(ReadOnlySpan<float> cue, in Scoring scoring, ref TopK top)
    {
        CatchUpIndex();
        int n = _memories.Count;
        var bounds = new IndexCue(cue);
        var score = scoring;
        Span<int> lowRows = top.Rows.Length <= 64 ? stackalloc int[top.Rows.Length] : new int[top.Rows.Length];
        Span<double> lowScores = top.Rows.Length <= 64 ? stackalloc double[top.Rows.Length] : new double[top.Rows.Length];
        var lows = new TopK(lowRows, lowScores);
        double[] upper = ArrayPool<double>.Shared.Rent(n);
        try
        {
            InRuns(n, ref lows, (int from, int to, ref TopK best) => Bound(from, to, bounds, score, upper, ref best));

            // At least k rows score at least the floor, so no row whose upper bound is below it is among the best k.
            double floor = lows.Found == lows.Rows.Length ? lows.Scores[^1] : double.NegativeInfinity;
            for (int row = 0; row < n; row++)
            {
                if (upper[row] >= floor)
                {
                    double relevance = Math.Max(0, TensorPrimitives.Dot(Row(row), cue));
                    top.Offer(row, scoring.Score(relevance, scoring.Fresh(_ticks[row]), _importance[row], scoring.Congruence(_feelings[row])));
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(upper);
        }
    }

    /// <summary>
    /// The first pass over the indexed rows <c>[from, to)</c>: each row's upper bound into <paramref name="upper"/>, and
    /// the best lower bounds into <paramref name="lows"/>.
    /// </summary>
    private void Bound(int from, int to, IndexCue cue, in Scoring scoring, double[] upper, ref TopK lows)
    {
        int rowsPerChunk = Int8Embeddings.RowsPerChunk(_dimensions);
        int chunk = from / rowsPerChunk, offset = from % rowsPerChunk;
        Span<double> recency = stackalloc double[Chunk];
        for (int start = from; start < to; start += Chunk)
        {
            var block = recency[..Math.Min(Chunk, to - start)];
            scoring.Fresh(_ticks.AsSpan(start, block.Length), block);
            for (int i = 0; i < block.Length; i++)
            {
                int row = start + i;
                if (offset == rowsPerChunk)
                {
                    (chunk, offset) = (chunk + 1, 0);
                }

                var codes = _indexCodes[chunk].AsSpan(offset++ * _dimensions, _dimensions);
                double approximate = Int8Embeddings.Dot(codes, cue.Codes) * (double)_indexSteps[row] * cue.Step;
                double error = (((_indexSteps[row] * cue.HalfLength) + (cue.HalfStep * _indexLengths[row])) * IndexCue.Slack) + cue.DotError;
                double rest = scoring.Rest(block[i], _importance[row], scoring.Congruence(_feelings[row]));
                upper[row] = scoring.Bound(Math.Max(0, approximate + error), rest) + RoundingMargin;
                double lower = scoring.Bound(Math.Max(0, approximate - error), rest) - RoundingMargin;
                if (lows.Found < lows.Rows.Length || lower > lows.Scores[^1])
                {
                    lows.Offer(row, lower);
                }
            }
        }
    }

    /// <summary>Quantises the float rows added since the index was last brought up to date. Call under the lock.</summary>
    private void CatchUpIndex()
    {
        int n = _memories.Count;
        if (_indexed == n)
        {
            return;
        }

        if (_indexSteps.Length < n)
        {
            int capacity = Math.Max(n, _indexSteps.Length * 2);
            Array.Resize(ref _indexSteps, capacity);
            Array.Resize(ref _indexLengths, capacity);
        }

        int rowsPerChunk = Int8Embeddings.RowsPerChunk(_dimensions);
        for (int row = _indexed; row < n; row++)
        {
            if (row == _indexCodes.Count * rowsPerChunk)
            {
                _indexCodes.Add(new sbyte[rowsPerChunk * _dimensions]);
            }

            var codes = _indexCodes[row / rowsPerChunk].AsSpan(row % rowsPerChunk * _dimensions, _dimensions);
            Int8Embeddings.Quantize(Row(row), codes, out float step, out long magnitude);
            _indexSteps[row] = step;

            // Rounded up, so the bound it enters stays a bound.
            _indexLengths[row] = MathF.BitIncrement((float)(step * (double)magnitude));
        }

        _indexed = n;
    }

    /// <summary>Forgets the int8 index; the next recall that needs it builds it again. Call under the lock.</summary>
    private void ResetIndex()
    {
        _indexCodes.Clear();
        _indexSteps = [];
        _indexLengths = [];
        _indexed = 0;
    }

    /// <summary>A cue quantised for the index, and what bounds a row's cosine from its codes.</summary>
    private sealed class IndexCue
    {
        /// <summary>Float arithmetic: the division behind each code and the float dot product, each off by a few units of the last place.</summary>
        public const double Slack = 1.001;

        public IndexCue(ReadOnlySpan<float> cue)
        {
            Codes = new sbyte[cue.Length];
            Int8Embeddings.Quantize(cue, Codes, out float step, out _);
            Step = step;
            HalfLength = TensorPrimitives.SumOfMagnitudes(cue) * 0.5;
            HalfStep = step * 0.5;
            DotError = cue.Length * 2.5e-7 * TensorPrimitives.Norm(cue) * Slack;
        }

        public sbyte[] Codes { get; }

        /// <summary>The cue's step: its largest magnitude over 127.</summary>
        public float Step { get; }

        /// <summary>Half the cue's L1 length, and half its step.</summary>
        public double HalfLength { get; }

        /// <inheritdoc cref="HalfLength"/>
        public double HalfStep { get; }

        /// <summary>How far the float dot product of a row and the cue may stray.</summary>
        public double DotError { get; }
    }

    /// <summary>The weights and the clock of one recall, and a row's score from its parts.</summary>
    private readonly struct Scoring
    {
        private const double Ln2 = 0.693147180559945309;

        /// <summary>The largest distance between two felt points in the VAD cube [−1, 1]³.</summary>
        private static readonly double MaxDistance = 2 * Math.Sqrt(3);

        private readonly double _relevance, _recency, _importance, _congruence, _perTick;
        private readonly long _now;
        private readonly Vad _mood;

        public Scoring(MemoryOptions options, Vad mood, DateTimeOffset now)
        {
            double total = options.RelevanceWeight + options.RecencyWeight + options.ImportanceWeight + options.CongruenceWeight;
            _relevance = options.RelevanceWeight / total;
            _recency = options.RecencyWeight / total;
            _importance = options.ImportanceWeight / total;
            _congruence = options.CongruenceWeight / total;
            _perTick = -Ln2 / options.RecencyHalfLife.Ticks;
            _now = now.UtcTicks;
            _mood = mood;
        }

        /// <summary>A score that never falls as any of its parts rises (floating-point sums and products by weights of at least zero are monotone).</summary>
        public double Score(double relevance, double fresh, double importance, double congruence) =>
            (_relevance * relevance) + (_recency * fresh) + (_importance * importance) + (_congruence * congruence);

        /// <summary>What a row scores apart from its relevance: the first pass of the index works it out once for both bounds.</summary>
        public double Rest(double fresh, double importance, double congruence) =>
            (_recency * fresh) + (_importance * importance) + (_congruence * congruence);

        /// <summary>A score from a relevance and the <see cref="Rest"/>; within <see cref="RoundingMargin"/> of <see cref="Score"/>.</summary>
        public double Bound(double relevance, double rest) => (_relevance * relevance) + rest;

        public double Fresh(long ticks) => Math.Exp(Math.Max(0, _now - ticks) * _perTick);

        /// <summary>The recency of a run of rows. Math.Exp one by one: on .NET 10, TensorPrimitives.Exp over doubles measured five times slower here.</summary>
        public void Fresh(ReadOnlySpan<long> ticks, Span<double> into)
        {
            for (int i = 0; i < into.Length; i++)
            {
                into[i] = Fresh(ticks[i]);
            }
        }

        public double Congruence(Vad feeling) => 1 - (_mood.DistanceTo(feeling) / MaxDistance);
    }

    /// <summary>The best rows so far, best first; of rows that score the same, the earlier is kept.</summary>
    private ref struct TopK(Span<int> rows, Span<double> scores)
    {
        public readonly Span<int> Rows = rows;
        public readonly Span<double> Scores = scores;
        public int Found;

        public void Offer(int row, double score)
        {
            int k = Rows.Length;
            if (Found == k && score <= Scores[k - 1])
            {
                return;
            }

            int at = Found < k ? Found++ : k - 1;
            while (at > 0 && Scores[at - 1] < score)
            {
                Rows[at] = Rows[at - 1];
                Scores[at] = Scores[at - 1];
                at--;
            }

            Rows[at] = row;
            Scores[at] = score;
        }
    }
}
