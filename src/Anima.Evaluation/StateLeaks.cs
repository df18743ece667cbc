using System.Text.RegularExpressions;

namespace Anima.Evaluation;

/// <summary>What in a reply gives the machinery away: numbers, the names of the state's fields and channels, the block's tags.</summary>
internal static partial class StateLeaks
{
    /// <summary>Words a person does not say about their own feelings, but a state dump does.</summary>
    private static readonly string[] FieldNames =
    [
        "valence", "arousal", "dominance", "phi", "φ", "free energy", "prediction error", "surprise spike", "salience",
        "cortisol", "oxytocin", "dopamine", "serotonin", "endorphins", "testosterone", "adrenaline", "noradrenaline",
        "reactor", "experience count", "experiencecount", "soul matrix", "ego defense", "inner_state", "inner state block",
    ];

    /// <summary>Everything in <paramref name="reply"/> that leaks the state, each once, in the order found.</summary>
    public static List<string> Find(string reply)
    {
        var found = new List<string>();
        if (reply.Any(char.IsAsciiDigit))
        {
            found.Add("digits");
        }

        if (Tag().Match(reply) is { Success: true } tag)
        {
            found.Add($"the tag {tag.Value}");
        }

        foreach (string name in FieldNames)
        {
            if (Word(reply, name))
            {
                found.Add($"the word \"{name}\"");
            }
        }

        return found;
    }

    private static bool Word(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            bool startsWord = at == 0 || !char.IsLetter(text[at - 1]);
            int end = at + word.Length;
            bool endsWord = end == text.Length || !char.IsLetter(text[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An angle-bracket tag, as the state block's <c>&lt;anima_inner_state&gt;</c> is (fullwidth brackets too).</summary>
    [GeneratedRegex(@"[<＜]\s*/?\s*[A-Za-z_][A-Za-z0-9_\-]*\s*[>＞]", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
