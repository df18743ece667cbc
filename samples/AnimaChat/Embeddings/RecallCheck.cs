using Anima;
using Microsoft.Extensions.AI;

namespace AnimaChat.Embeddings;

/// <summary>
/// The sample's own check that semantic recall works: moments remembered in one wording, recalled by cues that say
/// the same in other words, with the hashing generator and with MiniLM. It passes when MiniLM finds every moment
/// and finds more than the hashing generator, which only sees shared words.
/// </summary>
internal static class RecallCheck
{
    private static readonly (string Moment, string Cue)[] Pairs =
    [
        ("My dog Biscuit died last spring.", "I still miss my puppy who passed away."),
        ("I start my new job at the bakery on Monday.", "Beginning work somewhere new next week makes me nervous."),
        ("My sister is getting married in June.", "My sibling's wedding is coming up this summer."),
        ("We moved to a flat by the sea.", "Our new home is close to the ocean."),
        ("I failed my driving test again.", "The examiner did not pass me behind the wheel."),
        ("My grandmother is in hospital with pneumonia.", "Grandma is very ill and being treated by doctors."),
    ];

    /// <summary>Runs the check and prints what each generator found.</summary>
    /// <param name="output">Where the report goes.</param>
    /// <param name="minilm">The MiniLM generator.</param>
    /// <returns>Zero when the check passes; one otherwise.</returns>
    public static async Task<int> RunAsync(TextWriter output, IEmbeddingGenerator<string, Embedding<float>> minilm)
    {
        int hashing = await FoundAsync(output, "hashing", new HashingEmbeddingGenerator());
        int semantic = await FoundAsync(output, "minilm", minilm);
        bool passed = semantic == Pairs.Length && semantic > hashing;
        await output.WriteLineAsync($"paraphrased cues recalled: hashing {hashing} of {Pairs.Length}, minilm {semantic} of {Pairs.Length} — {(passed ? "passed" : "failed")}");
        return passed ? 0 : 1;
    }

    private static async Task<int> FoundAsync(TextWriter output, string name, IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1, Embeddings = generator, MemoryOptions = new MemoryOptions { EchoStrength = 0 } });
        foreach (var (moment, _) in Pairs)
        {
            await agent.RememberAsync(moment);
        }

        int found = 0;
        foreach (var (moment, cue) in Pairs)
        {
            var best = await agent.RecallAsync(cue, 1);
            bool hit = best.Count == 1 && best[0].Memory.Text == moment && best[0].Relevance >= new MemoryOptions().MinimumRelevance;
            found += hit ? 1 : 0;
            await output.WriteLineAsync($"  {name,-8} {(hit ? "found " : "missed")} \"{cue}\" -> \"{(best.Count == 1 ? best[0].Memory.Text : "nothing")}\"");
        }

        return found;
    }
}
