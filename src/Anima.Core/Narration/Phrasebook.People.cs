using System.Text;

namespace Anima.Narration;

/// <summary>The people the agent knows and the memories it recalls, as lines of the state block.</summary>
internal static partial class Phrasebook
{
    /// <summary>The longest a quoted memory runs, in characters, before it is cut at a word and ends with an ellipsis.</summary>
    public const int QuoteLength = 140;

    /// <summary>How the agent stands with the person speaking: "I feel close to Mira, and I trust them." and, after a long silence, that it has been a while.</summary>
    public static string BondLine(Relationship r, TimeSpan? since)
    {
        string who = Name(r.Name) ?? "this person";
        var line = new StringBuilder(96);
        if (r.Familiarity < 0.2)
        {
            line.Append("I hardly know ").Append(who).Append(" yet");
        }
        else
        {
            line.Append(r.Warmth switch
            {
                >= 0.45 => "I feel close to ",
                >= 0.2 => "I like ",
                > -0.2 => "I know ",
                > -0.45 => "I feel a little cold toward ",
                _ => "I feel cold toward ",
            }).Append(who);
            if (r.Familiarity >= 0.45)
            {
                line.Append(", and we know each other well");
            }
        }

        line.Append(r.Trust switch
        {
            < 0.25 => ", and I do not trust them.",
            < 0.4 => ", and I am not sure I can trust them.",
            >= 0.7 => ", and I trust them.",
            _ => ".",
        });
        line.Append('\n');
        if (since is { } away && away >= TimeSpan.FromDays(2))
        {
            line.Append(away >= TimeSpan.FromDays(30) ? "It has been a long time since we last spoke.\n" : "It has been a while since we last spoke.\n");
        }

        if (r.Seemed is { } seemed)
        {
            line.Append(Name(r.Name) is { } named ? named + " seems " : "They seem ").Append(Adjective(seemed)).Append(" to me.\n");
        }

        return line.ToString();
    }

    /// <summary>
    /// One recollection in the first person, banded by how strongly it comes back: "I remember when they told me
    /// "my dog Biscuit died"; it still aches a little." A belief is said as one.
    /// </summary>
    public static string RecollectionLine(Recollection r)
    {
        string quote = Quote(r.Text);
        if (quote.Length == 0)
        {
            return string.Empty;
        }

        if (r.IsBelief)
        {
            return string.Concat("I have come to feel this: ", quote, quote[^1] is '.' or '!' or '?' ? "\n" : ".\n");
        }

        string who = r.FromSpeaker ? "they" : Name(r.PersonName) ?? string.Empty;
        string opening = who.Length > 0 ? string.Concat("I remember when ", who, " told me \u201C") : "I remember \u201C";
        return string.Concat(opening, quote, "\u201D", Aftertaste(r), ".\n");
    }

    /// <summary>What a memory still does to the agent: it aches, unsettles or warms, "a little" when it comes back faintly or long ago.</summary>
    private static string Aftertaste(Recollection r)
    {
        double faded = r.Strength * Math.Pow(0.5, r.Age.TotalDays / 30);
        string degree = faded < 0.3 ? " a little" : string.Empty;
        return r.Feeling.Valence switch
        {
            < -0.15 when r.Feeling.Arousal < 0.1 => string.Concat("; it still aches", degree),
            < -0.15 => string.Concat("; it still unsettles me", degree),
            > 0.15 => string.Concat("; it still warms me", degree),
            _ => string.Empty,
        };
    }

    /// <summary>
    /// A remembered text as the block may quote it: on one line, without digits (a word that holds one is left out),
    /// quotation marks or angle brackets, and cut at a word when long.
    /// </summary>
    public static string Quote(string text)
    {
        var quote = new StringBuilder(Math.Min(text.Length, QuoteLength + 8));
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Any(char.IsDigit))
            {
                continue;
            }

            string clean = new([.. word.Where(static c => c is not ('"' or '<' or '>' or '\u201C' or '\u201D') && !char.IsControl(c))]);
            if (clean.Length == 0)
            {
                continue;
            }

            if (quote.Length + clean.Length + 1 > QuoteLength)
            {
                quote.Append('\u2026');
                break;
            }

            if (quote.Length > 0)
            {
                quote.Append(' ');
            }

            quote.Append(clean);
        }

        return quote.ToString();
    }

    /// <summary>A person's name as the block may say it (no digit, quotation mark or angle bracket), or null when nothing of it is left.</summary>
    public static string? Name(string? name)
    {
        if (name is null)
        {
            return null;
        }

        string clean = Quote(name);
        return clean.Length == 0 ? null : clean;
    }
}
