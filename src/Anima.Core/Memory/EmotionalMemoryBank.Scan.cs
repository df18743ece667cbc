using System.Numerics.Tensors;
using Anima.Memory;

namespace Anima;

/// <summary>The scan behind a recall, and its split into runs of rows scanned on several threads.</summary>
public sealed partial class EmotionalMemoryBank
{
    /// <summary>The fewest rows a thread of a recall scans: below this, starting a thread costs more than it saves.</summary>
    private const int RowsPerRun = 16_384;

    /// <summary>Scans the rows <c>[from, to)</c> into the best found so far.</summary>
    private delegate void RunScan(int from, int to, ref TopK best);

    /// <summary>Scores every row, by its floats or its int8 codes. Call under the lock.</summary>
    private void Scan(ReadOnlySpan<float> cue, in Scoring scoring, ref TopK top)
    {
        var score = scoring;
        if (_quantized)
        {
            var cueCodes = new sbyte[_dimensions];
            float cueScale = Int8Embeddings.Quantize(cue, cueCodes);
            InRuns(_memories.Count, ref top, (int from, int to, ref TopK best) => ScanCodes(from, to, cueCodes, cueScale, score, ref best));
        }
        else
        {
            float[] cueFloats = cue.ToArray();
            InRuns(_memories.Count, ref top, (int from, int to, ref TopK best) => ScanFloats(from, to, cueFloats, score, ref best));
        }
    }

    /// <summary>
    /// Scans the first <paramref name="n"/> rows in runs of consecutive rows, at most <see cref="MemoryOptions.RecallParallelism"/>
    /// of them at once, each into its own best, and merges those into <paramref name="top"/> run by run. Every run's best
    /// is ordered by score and then by row, and the runs are merged in row order, so of rows that score the same the
    /// earlier is kept, as by one scan. Call under the lock: the threads read the rows while the caller holds it.
    /// </summary>
    private void InRuns(int n, ref TopK top, RunScan scan)
    {
        int runs = Math.Clamp(n / RowsPerRun, 1, _options.RecallParallelism);
        if (runs == 1)
        {
            scan(0, n, ref top);
            return;
        }

        int k = top.Rows.Length;
        var rows = new int[runs * k];
        var scores = new double[runs * k];
        var found = new int[runs];
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = runs }, run =>
        {
            var best = new TopK(rows.AsSpan(run * k, k), scores.AsSpan(run * k, k));
            scan((int)((long)run * n / runs), (int)((long)(run + 1) * n / runs), ref best);
            found[run] = best.Found;
        });

        for (int run = 0; run < runs; run++)
        {
            for (int i = 0; i < found[run]; i++)
            {
                top.Offer(rows[(run * k) + i], scores[(run * k) + i]);
            }
        }
    }

    /// <summary>Scores the int8 rows <c>[from, to)</c>, walking their chunks without a division a row.</summary>
    private void ScanCodes(int from, int to, sbyte[] cueCodes, float cueScale, in Scoring scoring, ref TopK top)
    {
        int chunk = from / _rowsPerChunk, offset = from % _rowsPerChunk;
        Span<double> recency = stackalloc double[Chunk];
        for (int start = from; start < to; start += Chunk)
        {
            var block = recency[..Math.Min(Chunk, to - start)];
            scoring.Fresh(_ticks.AsSpan(start, block.Length), block);
            for (int i = 0; i < block.Length; i++)
            {
                if (offset == _rowsPerChunk)
                {
                    (chunk, offset) = (chunk + 1, 0);
                }

                int row = start + i;
                var codes = _codes[chunk].AsSpan(offset++ * _dimensions, _dimensions);

                // The same arithmetic as the relevance a recalled memory reports, so its score is the one it was chosen by.
                double relevance = Math.Max(0, Int8Embeddings.Dot(codes, cueCodes) * _scales[row] * cueScale);
                top.Offer(row, scoring.Score(relevance, block[i], _importance[row], scoring.Congruence(_feelings[row])));
            }
        }
    }

    /// <summary>Scores the float rows <c>[from, to)</c>.</summary>
    private void ScanFloats(int from, int to, float[] cue, in Scoring scoring, ref TopK top)
    {
        Span<double> recency = stackalloc double[Chunk];
        for (int start = from; start < to; start += Chunk)
        {
            var block = recency[..Math.Min(Chunk, to - start)];
            scoring.Fresh(_ticks.AsSpan(start, block.Length), block);
            for (int i = 0; i < block.Length; i++)
            {
                int row = start + i;
                double relevance = Math.Max(0, TensorPrimitives.Dot(Row(row), cue));
                top.Offer(row, scoring.Score(relevance, block[i], _importance[row], scoring.Congruence(_feelings[row])));
            }
        }
    }
}
