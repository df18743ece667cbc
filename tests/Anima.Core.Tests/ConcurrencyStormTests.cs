using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests;

/// <summary>
/// Many dedicated threads (more than the machine has cores) on one agent at once: remembering, resetting,
/// experiencing, exporting and importing. Every call succeeds, ids rise, a reset forgets everything before it, and an
/// export is always one whole agent.
/// </summary>
public sealed class ConcurrencyStormTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RememberWhileResetting_EveryCallSucceeds_IdsRise_AndNothingFromBeforeAResetSurvives()
    {
        // An embedder that yields, as a remote one does, so a reset can overtake a remember while it embeds.
        var agent = new AnimaCore(new AnimaOptions { Seed = 1, TimeProvider = new FakeTimeProvider(Start), Embeddings = new YieldingEmbedder() });
        var gate = new object();
        int generation = 0;
        int resets = 0;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var rememberers = Enumerable.Range(0, 6).Select(t => new Thread(() =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    // The tag is read and the call begun in one step, so a memory's tag is the run it began in.
                    Task<EmotionalMemory> remembering;
                    lock (gate)
                    {
                        remembering = agent.RememberAsync($"{generation}:{t}:{i}");
                    }

                    remembering.GetAwaiter().GetResult();
                }
                catch (Exception exception)
                {
                    errors.Enqueue($"remember: {exception.GetType().Name}: {exception.Message}");
                }
            }
        })).ToList();
        var resetter = new Thread(() =>
        {
            while (resets < 200)
            {
                int ended;
                lock (gate)
                {
                    agent.Reset();
                    ended = ++generation;
                }

                resets++;
                agent.Experience(new Stimulus { Tension = 0.2 });
                var kept = agent.Memory.GetAll();
                if (kept.Any(m => int.Parse(m.Text.AsSpan(0, m.Text.IndexOf(':')), System.Globalization.CultureInfo.InvariantCulture) < ended))
                {
                    errors.Enqueue($"after reset {ended} a memory from before it survived");
                }

                if (!kept.Select(m => m.Id).Zip(kept.Skip(1).Select(m => m.Id), (a, b) => a < b).All(rising => rising))
                {
                    errors.Enqueue($"after reset {ended} the ids do not rise");
                }

                Thread.Sleep(1);
            }

            stop.Cancel();
        });

        rememberers.ForEach(t => t.Start());
        resetter.Start();
        resetter.Join();
        rememberers.ForEach(t => t.Join());

        errors.Should().BeEmpty();
        agent.Memory.GetAll().Select(m => m.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task ExportWhileImporting_EveryExportIsOneWholeAgent()
    {
        var first = Agent(1);
        var second = Agent(1);
        first.Experience(new Stimulus { Tension = 0.7 }, "I am the first agent.");
        await first.RememberAsync("the first agent's memory");
        second.Experience(new Stimulus { Satisfaction = 0.7 }, "I am the second agent.");
        second.Experience(new Stimulus { Satisfaction = 0.5 });
        await second.RememberAsync("the second agent's memory");
        string[] documents = [first.ExportState(), second.ExportState()];

        var target = Agent(1);
        target.ImportState(documents[0]);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var importers = Enumerable.Range(0, 3).Select(t => new Thread(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                target.ImportState(documents[(i + t) % 2]);
            }
        })).ToList();
        var exporters = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                string export = target.ExportState();
                if (export != documents[0] && export != documents[1])
                {
                    errors.Enqueue("an export showed parts of two agents: " + Difference(export, documents[0]) + " / " + Difference(export, documents[1]));
                }

                var checkpoint = target.CreateCheckpoint();
                string text = checkpoint.Memories.Single().Text;
                string document = System.Text.Encoding.UTF8.GetString(checkpoint.Document.Span);
                if (!document.Contains(text.Contains("first", StringComparison.Ordinal) ? "\"count\":1," : "\"count\":2,", StringComparison.Ordinal))
                {
                    errors.Enqueue("a checkpoint's memories belong to another agent than its document");
                }
            }
        })).ToList();

        exporters.ForEach(t => t.Start());
        importers.ForEach(t => t.Start());
        importers.ForEach(t => t.Join());
        stop.Cancel();
        exporters.ForEach(t => t.Join());

        errors.Should().BeEmpty();
    }

    private sealed class YieldingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly HashingEmbeddingGenerator _inner = new();

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await _inner.GenerateAsync(values, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() => _inner.Dispose();
    }

    private static string Difference(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return a.Substring(Math.Max(0, i - 80), Math.Min(160, a.Length - Math.Max(0, i - 80)));
    }

    private static AnimaCore Agent(int seed) => new(new AnimaOptions { Seed = seed, TimeProvider = new FakeTimeProvider(Start) });
}
