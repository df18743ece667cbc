namespace Anima.Stimuli;

/// <summary>How poignant a text is: what happens in it, and how much that usually means to a person.</summary>
internal static partial class EnglishLexicon
{
    /// <summary>How strong a world-lexicon word must be, its valence or arousal, to count as an event of a life rather than a thing one likes ("music", "coffee").</summary>
    private const double EventStrength = 0.3;

    /// <summary>
    /// Whether an appraisal-lexicon word (or two-word phrase) names something that happens to a person rather than a
    /// word of conversation ("good", "fun", "hello"): it strains (tension from 0.6), hurts (satisfaction or cohesion at
    /// −0.5 or below) or rewards greatly (satisfaction from 0.8).
    /// </summary>
    private static bool IsEvent(AppraisalWeights w) => w.Tension >= 0.6 || w.Satisfaction <= -0.5 || w.Cohesion <= -0.5 || w.Satisfaction >= 0.8;

    /// <summary>
    /// How poignant a text is, in [0, 1]: how much the things that happen in it (words of the world lexicon of at least
    /// <see cref="EventStrength"/>, strong words and phrases of the appraisal lexicon, such as "died", "passed away",
    /// "fired", "married") usually mean to a person — each its valence or arousal, whichever is larger, combined as a
    /// noisy-or, so two mild events ("lost", "baby") weigh more than one. The offline stand-in for the poignancy
    /// Generative Agents (Park et al. 2023) ask a model to rate. Words of feeling alone ("like", "nice") and function
    /// words count nothing. Reads the first 4 KB.
    /// </summary>
    public static double Poignancy(string text)
    {
        double calm = 1;
        string? head = null;
        var rest = text.AsSpan(0, Math.Min(text.Length, 4096));
        while (!rest.IsEmpty)
        {
            int start = 0;
            while (start < rest.Length && !char.IsLetter(rest[start]))
            {
                start++;
            }

            int end = start;
            while (end < rest.Length && (char.IsLetter(rest[end]) || rest[end] == '\'' || rest[end] == '\u2019'))
            {
                end++;
            }

            if (end > start)
            {
                var word = rest[start..end];
                if (head is not null && TryPhrase(head, word, out var phrase) && IsEvent(phrase.Weights))
                {
                    calm *= 1 - Math.Min(1, Math.Max(Math.Abs(phrase.Valence), phrase.Arousal));
                }

                head = null;
                if (Find(word, out var entry) != WordForm.Unknown)
                {
                    head = entry.Head;
                    if ((entry.Kind & WordKind.Event) != 0)
                    {
                        calm *= 1 - Math.Min(1, Math.Max(Math.Abs(entry.Valence), entry.Arousal));
                    }
                }
            }

            rest = rest[end..];
        }

        return Math.Clamp(1 - calm, 0, 1);
    }
}
