using System.Text.Json;
using System.Text.Json.Serialization;
using Anima.Stimuli;
using Microsoft.Extensions.AI;

namespace Anima.Memory;

/// <summary>A belief reflection drew: its words, its subject, whom it is about, and the feeling of the moments behind it.</summary>
internal sealed record DrawnBelief(string Text, string Subject, string? PersonId, string Emotion, Vad Feeling, IReadOnlyList<double> Levels, double Importance)
{
    /// <summary>The most beliefs one reflection keeps.</summary>
    public const int MaxPerReflection = 5;

    /// <summary>The longest a belief may be, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>Draws a belief from the moments behind it: their mean feeling and levels, their most frequent emotion, and an importance above theirs.</summary>
    public static DrawnBelief From(string text, string subject, string? personId, IReadOnlyList<EmotionalMemory> behind)
    {
        int channels = behind[0].Levels.Count;
        var levels = new double[channels];
        double v = 0, a = 0, d = 0, importance = 0;
        foreach (var m in behind)
        {
            v += m.Feeling.Valence;
            a += m.Feeling.Arousal;
            d += m.Feeling.Dominance;
            importance += m.Importance;
            for (int c = 0; c < channels && c < m.Levels.Count; c++)
            {
                levels[c] += m.Levels[c] / behind.Count;
            }
        }

        int n = behind.Count;
        string emotion = behind.GroupBy(static m => m.Emotion, StringComparer.Ordinal).OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key, StringComparer.Ordinal).First().Key;
        return new DrawnBelief(text, subject, personId, emotion, new Vad(v / n, a / n, d / n), levels, Math.Min(1, 0.5 + (importance / n / 2)));
    }
}

/// <summary>
/// Reflection without a model: from the moments since the last reflection, how talking with each person the agent
/// knows by name tends to feel (two moments or more), how the topics that keep coming up feel (words of four letters or
/// more in two moments or more that carry no feeling of their own), and the mood of late.
/// </summary>
internal static class OfflineReflection
{
    /// <summary>How far from neutral a mean feeling must be to become a belief.</summary>
    private const double Felt = 0.15;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "about", "above", "after", "again", "against", "also", "always", "another", "anything", "around", "because", "been", "before", "being",
        "below", "between", "both", "came", "come", "could", "didn't", "does", "doesn't", "doing", "done", "down", "during", "each", "even",
        "every", "everything", "from", "further", "gets", "getting", "going", "gone", "have", "haven't", "having", "here", "he's", "herself",
        "himself", "into", "it's", "itself", "just", "know", "last", "like", "made", "make", "many", "maybe", "more", "most", "much", "must",
        "myself", "never", "next", "nothing", "once", "only", "other", "ourselves", "over", "really", "said", "same", "says", "see", "seems",
        "should", "since", "some", "something", "still", "such", "take", "tell", "than", "that", "that's", "their", "them", "themselves",
        "then", "there", "there's", "these", "they", "they're", "thing", "things", "think", "this", "those", "though", "through", "today",
        "told", "tomorrow", "tonight", "very", "want", "wanted", "wants", "was", "wasn't", "week", "well", "went", "were", "what", "what's",
        "when", "where", "which", "while", "will", "with", "without", "won't", "would", "wouldn't", "year", "years", "yesterday", "your",
        "you're", "yours", "yourself", "i'm", "i've", "i'll", "i'd", "can't", "cannot", "don't", "isn't", "aren't", "keep", "keeps", "kept",
        "again", "ever", "feel", "feeling", "felt", "time", "times", "back", "good", "right", "look", "looked", "looks", "thank", "thanks",
    };

    /// <summary>Draws at most <see cref="DrawnBelief.MaxPerReflection"/> beliefs from the moments.</summary>
    public static List<DrawnBelief> Draw(IReadOnlyList<EmotionalMemory> moments, Func<string, string?> nameOf)
    {
        var beliefs = new List<DrawnBelief>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in moments.Where(static m => m.PersonId is not null).GroupBy(static m => m.PersonId!, StringComparer.Ordinal).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            var behind = group.ToList();
            if (nameOf(group.Key) is not { } name)
            {
                continue;
            }

            names.UnionWith(Words(name));
            var (v, a) = Mean(behind);
            string? text = (v, a) switch
            {
                _ when behind.Count < 2 => null,
                ( >= Felt, < Felt) => $"Talking with {name} calms me.",
                ( >= Felt, _) => $"Talking with {name} lifts my spirits.",
                ( <= -Felt, >= Felt) => $"Talking with {name} puts me on edge.",
                ( <= -Felt, _) => $"Talking with {name} leaves me low.",
                _ => null,
            };
            if (text is not null)
            {
                beliefs.Add(DrawnBelief.From(text, "person:" + group.Key, group.Key, behind));
            }
        }

        foreach (var (topic, behind) in Topics(moments, names).Take(2))
        {
            var (v, a) = Mean(behind);
            string come = topic.EndsWith('s') ? "come up" : "comes up";
            string text = (v, a) switch
            {
                ( < 0, >= 0.1) => $"I get tense when {topic} {come}.",
                ( < 0, _) => $"Thinking about {topic} makes me sad.",
                (_, >= 0.1) => $"I light up when {topic} {come}.",
                _ => $"Thinking about {topic} comforts me.",
            };
            beliefs.Add(DrawnBelief.From(text, "topic:" + topic, null, behind));
        }

        var (mood, _) = Mean(moments);
        if (Math.Abs(mood) >= 0.25 && moments.Count >= 3)
        {
            beliefs.Add(DrawnBelief.From(mood > 0 ? "Lately life has felt good to me." : "Lately I have been carrying a heaviness.", "self:mood", null, moments));
        }

        return beliefs.Count > DrawnBelief.MaxPerReflection ? beliefs[..DrawnBelief.MaxPerReflection] : beliefs;
    }

    /// <summary>The topics that keep coming up with a clear feeling: most moments and strongest feeling first.</summary>
    private static IEnumerable<(string Topic, List<EmotionalMemory> Behind)> Topics(IReadOnlyList<EmotionalMemory> moments, HashSet<string> names)
    {
        var byWord = new Dictionary<string, List<EmotionalMemory>>(StringComparer.Ordinal);
        foreach (var m in moments)
        {
            foreach (string word in Words(m.Text).Distinct(StringComparer.Ordinal))
            {
                if (word.Length >= 4 && !Common.Contains(word) && !names.Contains(word) && Neutral(word))
                {
                    (byWord.TryGetValue(word, out var list) ? list : byWord[word] = []).Add(m);
                }
            }
        }

        return byWord
            .Where(static p => p.Value.Count >= 2 && Math.Abs(Mean(p.Value).Valence) >= Felt)
            .OrderByDescending(static p => p.Value.Count * Math.Abs(Mean(p.Value).Valence))
            .ThenBy(static p => p.Key, StringComparer.Ordinal)
            .Select(static p => (p.Key, p.Value));
    }

    /// <summary>Whether a word names a thing rather than a feeling or a function: unknown to the lexicon, or known only for a mild tone.</summary>
    private static bool Neutral(string word)
    {
        if (EnglishLexicon.Find(word, out var entry) == WordForm.Unknown)
        {
            return true;
        }

        const WordKind Function = WordKind.Negator | WordKind.Booster | WordKind.Someone | WordKind.Intent | WordKind.Myself | WordKind.FirstPerson | WordKind.Contrast | WordKind.Causative;
        return (entry.Kind & Function) == 0 && Math.Abs(entry.Valence) < 0.4;
    }

    private static IEnumerable<string> Words(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && (char.IsLetter(text[i]) || (text[i] == '\'' && start >= 0));
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i].Trim('\'').ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static (double Valence, double Arousal) Mean(IReadOnlyList<EmotionalMemory> moments)
    {
        double v = 0, a = 0;
        foreach (var m in moments)
        {
            v += m.Feeling.Valence;
            a += m.Feeling.Arousal;
        }

        return moments.Count == 0 ? (0, 0) : (v / moments.Count, a / moments.Count);
    }
}

/// <summary>
/// Reflection through the agent's chat client: the moments, in the agent's words, and a request for a few first-person
/// beliefs as structured output. An answer that fails, is empty or holds nothing usable is refused, and the offline
/// heuristic draws the beliefs instead.
/// </summary>
internal static class ChatReflection
{
    private const string Instructions =
        "You are the inner voice of a companion reflecting on recent moments of its life. From the moments below, draw at most five short beliefs, " +
        "each one sentence in the first person, about yourself, one of the people named, or the world (for example \"Talking with Mira calms me\" " +
        "or \"I get tense when deadlines come up\"). Give each belief a short subject key: \"person:<id>\" for a belief about a person (using the id shown), " +
        "\"topic:<word>\" for a belief about a topic, or \"self:<word>\" for one about yourself. Use no numbers.";

    /// <summary>Asks the model for beliefs; null when the answer cannot be used.</summary>
    public static async Task<IReadOnlyList<DrawnBelief>?> DrawAsync(IChatClient client, IReadOnlyList<EmotionalMemory> moments, Func<string, string?> nameOf, CancellationToken cancellationToken)
    {
        var prompt = new System.Text.StringBuilder(1024).Append("Recent moments, oldest first:\n");
        foreach (var m in moments.TakeLast(40))
        {
            string who = m.PersonId is { } id ? $"{nameOf(id) ?? "someone"} (id {id})" : "someone";
            prompt.Append("- ").Append(who).Append(" said: \"").Append(StatePrompt.Neutralize(Short(m.Text))).Append("\"; I felt ")
                .Append(Narration.Phrasebook.Adjective(m.Emotion)).Append('\n');
        }

        ChatResponse<ReflectionAnswer> response;
        try
        {
            response = await client.GetResponseAsync<ReflectionAnswer>(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, prompt.ToString())],
                ReflectionJson.Default.Options,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }

        if (!response.TryGetResult(out var answer) || answer?.Beliefs is not { Count: > 0 } beliefs)
        {
            return null;
        }

        var drawn = new List<DrawnBelief>();
        foreach (var b in beliefs)
        {
            if (b is null || string.IsNullOrWhiteSpace(b.Belief) || string.IsNullOrWhiteSpace(b.Subject) || b.Belief.Length > DrawnBelief.MaxLength || b.Subject.Length > 64)
            {
                continue;
            }

            string subject = b.Subject.Trim();
            string? personId = subject.StartsWith("person:", StringComparison.Ordinal) ? subject["person:".Length..] : null;
            var behind = personId is null ? moments : moments.Where(m => m.PersonId == personId).ToList();
            if (behind.Count == 0 || (personId is not null && nameOf(personId) is null && behind.Count == 0))
            {
                continue;
            }

            drawn.Add(DrawnBelief.From(b.Belief.Trim(), subject, personId, behind));
            if (drawn.Count == DrawnBelief.MaxPerReflection)
            {
                break;
            }
        }

        return drawn.Count > 0 ? drawn : null;

        static string Short(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "\u2026");
    }
}

/// <summary>The answer reflection asks the model for.</summary>
internal sealed class ReflectionAnswer
{
    /// <summary>Gets or sets the beliefs.</summary>
    public List<ReflectionBelief?>? Beliefs { get; set; }
}

/// <summary>One belief of <see cref="ReflectionAnswer"/>.</summary>
internal sealed class ReflectionBelief
{
    /// <summary>Gets or sets the subject key.</summary>
    public string? Subject { get; set; }

    /// <summary>Gets or sets the belief, one first-person sentence.</summary>
    public string? Belief { get; set; }
}

/// <summary>Source-generated JSON for <see cref="ReflectionAnswer"/>, so reflection needs no reflection-based serialisation.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReflectionAnswer))]
internal sealed partial class ReflectionJson : JsonSerializerContext;
