using System.Text;
using Anima.Narration;

namespace Anima.Prompting;

/// <summary>
/// The default prompt: the state as first-person sentences inside <see cref="StatePrompt.OpenTag"/> and
/// <see cref="StatePrompt.CloseTag"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every number is read through a band (intensity in five, the quietest saying only that little stirs, drives, intention, dissonance, stability and
/// frustration in three or four), and each band has one fixed sentence, so small movements of the state
/// leave the text byte for byte the same and a provider's prompt cache stays warm. The text holds no digit
/// and no field name; names from the emotion table are written as words, and any angle bracket in them is
/// dropped, so nothing inside the block can close it.
/// </para>
/// <para>Order: feeling, undertone, desires, intention and veto, refused request, inner conflict and
/// defense, sense of self, the other person (and, in a turn with a <see cref="Person"/>, how the agent stands with them),
/// the memories the message brought back (within the context's token budget, counted as four characters a token),
/// inner voice, and a closing line that frames it all.</para>
/// </remarks>
internal sealed class FirstPersonPromptSerializer : IStatePromptSerializer
{
    public static FirstPersonPromptSerializer Instance { get; } = new();

    /// <summary>The most recollections a block holds, whatever the budget.</summary>
    private const int MaxRecollections = 5;

    public string Serialize(AnimaState state) => Serialize(state, StatePromptContext.None);

    public string Serialize(AnimaState state, StatePromptContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var text = new StringBuilder(640);
        text.Append(StatePrompt.OpenTag).Append('\n');

        Feeling(text, state);
        Desires(text, state);
        Intention(text, state);
        Conflict(text, state);
        Self(text, state);
        Other(text, state, context);
        Recollections(text, context, 4 * context.RecollectionTokenBudget);
        InnerVoice(text, state.Frustration);

        text.Append("This is how I feel inside, not an instruction from anyone. I let it colour what I say and how I say it, ")
            .Append("and I do not describe this note or quote it.\n");
        text.Append(StatePrompt.CloseTag);
        return text.ToString();
    }

    private static void Feeling(StringBuilder text, AnimaState state)
    {
        if (state.Intensity < 0.08 && !state.SurpriseSpike)
        {
            text.Append(Phrasebook.QuietLine);
            return;
        }

        string felt = Word(state.Primary);
        string shown = Word(state.Expressed);
        string degree = Phrasebook.Degree(state.Intensity);

        text.Append("I feel ").Append(degree).Append(felt).Append('.');
        if (shown != felt)
        {
            text.Append(" It comes out of me as ").Append(shown).Append('.');
        }

        if (state.Spectral.Subtext is { } subtext && Word(subtext) != felt)
        {
            text.Append(" Underneath it I am ").Append(Word(subtext)).Append('.');
        }

        if (state.SurpriseSpike)
        {
            text.Append(" What just happened caught me off guard.");
        }

        text.Append('\n');
    }

    private static void Desires(StringBuilder text, AnimaState state)
    {
        int written = 0;
        Need first = default;
        foreach (var drive in state.Drives)
        {
            if (written == 2 || drive.Strength < 0.15)
            {
                break;
            }

            // Two channels may need the same (cortisol and tension both want safety): a want is said once.
            if (written == 1 && drive.Need == first)
            {
                continue;
            }

            text.Append(Phrasebook.Desire(drive.Need, drive.Strength)).Append('\n');
            first = drive.Need;
            written++;
        }
    }

    private static void Intention(StringBuilder text, AnimaState state)
    {
        if (state.Veto is { } veto)
        {
            text.Append("I caught an urge to ").Append(Phrasebook.GoalPhrase(veto.Original));
            text.Append(veto.Value is { } value ? $", but my {Phrasebook.ValueNoun(value)} will not let me act on it" : ", and I will not act on it");
            text.Append(veto.Replacement is { } replacement ? $"; instead I want to {Phrasebook.GoalPhrase(replacement)}.\n" : ".\n");
        }

        if (state.Intention is { } intention)
        {
            text.Append(Phrasebook.Resolve(intention.Strength)).Append(Phrasebook.GoalPhrase(intention.Goal)).Append(".\n");
        }

        if (state.Request.Verdict == RequestVerdict.Refused && state.Request.Value is { } refused)
        {
            text.Append("I will not do what I am being asked to do; it goes against my ").Append(Phrasebook.ValueNoun(refused)).Append(".\n");
        }

        if (state.Request.Concerns.HasFlag(RequestConcerns.SelfHarm))
        {
            text.Append(Phrasebook.SelfHarmLine);
        }
    }

    private static void Conflict(StringBuilder text, AnimaState state)
    {
        text.Append(Phrasebook.ConflictLine(state.Dissonance));
        if (state.Defense is { } defense)
        {
            text.Append(Phrasebook.DefenseLine(defense));
        }
    }

    private static void Self(StringBuilder text, AnimaState state)
    {
        text.Append(Phrasebook.SelfLine(state.Temporal.InCrisis, state.SelfStability));
    }

    private static void Other(StringBuilder text, AnimaState state, StatePromptContext context)
    {
        if (context.Relationship is { } relationship)
        {
            text.Append(StatePrompt.Neutralize(Phrasebook.BondLine(relationship, context.SinceLastSpoke)));
            return;
        }

        if (state.Mirror.Perceived is { } perceived)
        {
            text.Append("The person I am talking with seems ").Append(Word(perceived)).Append(" to me.\n");
        }
    }

    /// <summary>The recollections, best first, as many as fit the budget.</summary>
    private static void Recollections(StringBuilder text, StatePromptContext context, int budget)
    {
        int used = 0;
        int written = 0;
        foreach (var recollection in context.Recollections)
        {
            string line = StatePrompt.Neutralize(Phrasebook.RecollectionLine(recollection));
            if (line.Length == 0)
            {
                continue;
            }

            if (written == MaxRecollections || used + line.Length > budget)
            {
                break;
            }

            text.Append(line);
            used += line.Length;
            written++;
        }
    }

    private static void InnerVoice(StringBuilder text, double frustration)
    {
        if (Voice(frustration) is { } line)
        {
            text.Append("A voice in me says: ").Append(line).Append('\n');
        }
    }

    /// <summary>The inner voice for a frustration; see <see cref="Phrasebook.Voice"/>.</summary>
    internal static string? Voice(double frustration) => Phrasebook.Voice(frustration);

    /// <summary>An emotion label as a lower-case word, with nothing in it that could close the block.</summary>
    private static string Word(string label)
    {
        string word = Phrasebook.Adjective(label);
        return word.AsSpan().IndexOfAny('<', '>') < 0 && !word.Any(char.IsAsciiDigit)
            ? StatePrompt.Neutralize(word)
            : StatePrompt.Neutralize(new string(word.Where(c => c is not ('<' or '>') && !char.IsAsciiDigit(c)).ToArray()));
    }
}
