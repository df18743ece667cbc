namespace Anima.Stimuli;

/// <summary>
/// The default appraiser: an English lexicon of about 7,700 words (<see cref="EnglishLexicon"/>) with
/// negation, intensifiers and dampeners, contrast after "but", exclamation marks, shouting, emoticons,
/// and a clause-by-clause reading of requests and self-harm (<see cref="ConcernReader"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>The stimulus</b> (what the agent feels) sums each word's tension, arousal, satisfaction and
/// cohesion. Each sum is squashed as x / √(x² + 15/16) — the normalisation VADER (Hutto and Gilbert 2014)
/// uses for its compound score, x / √(x² + 15) on its −4…4 scale, brought to this one — then scaled by
/// 0.8, so no message moves a dimension by more than 0.8.
/// Negation within three words of its clause ("nobody" reaches the whole clause), and before any "and", flips satisfaction
/// and cohesion with factor −0.74 (VADER's constant) and halves tension and arousal; the stir of a pleasant word is turned
/// too, since what does not excite leaves one flat ("not exciting"). After "but", words weigh 1.5 and those before it 0.5.
/// </para>
/// <para>
/// <b>Taking away and lessening.</b> A word that takes away ("cancelled", "lost", "slashed") turns the good of the
/// next three words, or of its passive's subject, into the size of the loss; a word that lessens or overcomes ("cuts",
/// "ended", "beating", "anti-") turns their bad into relief, and its own sting is taken back; a verb by which its
/// subject wanes ("weakens", "plunged") does both to its subject. Articles and prepositions do not use up the reach
/// ("the risk of disease"). A negated verb keeps the negation for itself: what "didn't end" governs keeps its sign.
/// A rescue told as done ("freed", "rescued", "found alive", "unharmed"; <c>WordLists.Reliefs</c>) turns the bad its
/// clause named before it into relief: "the climber feared dead was found alive". The good a loss told as done goes on
/// to name is what was lost: "she left me after ten years together".
/// </para>
/// <para>
/// <b>Formulas.</b> A sentence that opens with a negated auxiliary and a subject and ends in a question mark asks for
/// agreement ("Wouldn't that be wonderful?", "Isn't it awful?"): its negation does not turn the feeling. A letter's
/// salutation and closing ("Dear Friend of Wildlife,", "Warm regards,", "Sincerely,") carry no feeling.
/// </para>
/// <para>
/// <b>Agency</b> tells anger from guilt (Smith and Ellsworth 1985): a hostile act (a felt word of cohesion below
/// −0.15) that reaches "you", "me" or "us" in a clause another person leads ("a driver cuts you off and yells at you")
/// turns 60% of its tension into arousal; one in a clause that "I", "you" or "we" begin, within its first three words
/// ("you yelled at your child"), turns 60% of its arousal into tension. Threats met in the street, on the road and at
/// the doctor's ("growls", "skids", "a shadow on the scan") carry tension more than arousal, so they read as fear.
/// </para>
/// <para>
/// <b>The speaker impression</b> (what the agent hears of the other) is a sentence-level reading tuned on
/// the EmoBank train split (Buechel and Hahn 2017): the words' heard valence, plus a lean of
/// <see cref="NegationLean"/> per negation, amplified by up to three exclamation marks (VADER's 0.292 on
/// its −4…4 scale), each word's valence raised to the power 1.2, divided by words^0.7 and by (1 + felt words)^0.1, and squashed into [−1, 1];
/// a question's words weigh half (unless it asks for agreement), a negation turns a word's heard valence by −0.45, and a
/// bad thing lessened is heard as a fifth of its size in good. Arousal from
/// the words' arousal per √words, exclamation marks, question marks and shouting. A shouted word has at
/// least three letters, all of them capitals, so "OK", "I" and scripts without letter case never shout.
/// </para>
/// <para>
/// Feeling is read from the first <see cref="MaxAppraisedLength"/> characters. Concerns are read from the
/// whole message, in one pass that only looks words up, so a request hidden after megabytes of filler is
/// still found and the cost stays linear in the message.
/// </para>
/// </remarks>
internal sealed partial class EnglishStimulusAppraiser : IStimulusAppraiser
{
    /// <summary>The number of characters of a message whose feeling is read.</summary>
    public const int MaxAppraisedLength = 16_384;

    /// <summary>How negative a negation sounds on its own, on the heard-valence scale (tuned on EmoBank train).</summary>
    public const double NegationLean = -0.375;

    private const double NegationScale = -0.74;
    private const int NegationReach = 3;

    /// <summary>How many words after a word that takes away ("cancelled", "lost") are what it takes.</summary>
    private const int UndoingReach = 3;
    private const double Squash = 15.0 / 16;
    private const double Scale = 0.8;
    private const double ExclamationEmphasis = 0.073;
    private const double HeardValenceSquash = 0.16;

    /// <summary>How much more an unpleasant word weighs in the stimulus than a pleasant one (negativity bias).</summary>
    private const double NegativityBias = 1.5;

    /// <summary>How unfriendly a felt word must be (its cohesion) to be a hostile act, whose agent tells anger from guilt.</summary>
    private const double HostileCohesion = -0.15;

    /// <summary>The share of a hostile act's arousal that becomes tension when the self did it (remorse).</summary>
    private const double AgencyShift = 0.6;

    /// <summary>
    /// The share of a hostile act's tension that becomes arousal when another aims it at the listener: all of it, since
    /// an offence by another is appraised as certain and as someone's doing (anger), not as a threat still to come (fear).
    /// </summary>
    private const double OffenceShift = 0.8;

    /// <summary>The share of the stir a loss takes over that becomes stillness, and the share that becomes dissatisfaction.</summary>
    private const double GriefShare = 0.5;

    /// <summary>The negativity bias of heard valence, tuned on EmoBank train.</summary>
    private const double HeardNegativityBias = 1.5;

    /// <summary>How a word's heard valence grows with its strength: |v|^1.2, so one strong word outweighs two mild ones (tuned on EmoBank train).</summary>
    internal const double HeardIntensityExponent = 1.2;

    /// <summary>How a message's length dilutes its heard valence: divided by words^0.7 (tuned on EmoBank train).</summary>
    private const double HeardLengthExponent = 0.7;

    /// <summary>How the number of felt words dilutes heard valence: divided by (1 + felt words)^0.1 (tuned on EmoBank train).</summary>
    private const double HeardEvidenceExponent = 0.1;

    /// <summary>
    /// How a negation turns a word's heard valence: "not good" sounds mildly bad, less bad than "good" sounds good
    /// (tuned on EmoBank train; what the listener feels turns with <see cref="NegationScale"/>).
    /// </summary>
    private const double HeardNegationScale = -0.45;

    /// <summary>How much a question's words weigh in heard valence: it asks about what it names rather than says it (tuned on EmoBank train).</summary>
    private const double QuestionWeight = 0.5;

    /// <summary>
    /// How much of a bad thing lessened or overcome ("cuts the risk of disease", "the war was ended") is heard as good: the
    /// bad is gone, and a fifth of it is heard as gain (tuned on EmoBank train; what the listener feels is relief in full).
    /// </summary>
    private const double HeardRelief = 0.2;

    public static EnglishStimulusAppraiser Instance { get; } = new();

    /// <summary>Gets the number of words in the lexicon that carry a feeling.</summary>
    public static int LexiconSize => EnglishLexicon.Size;

    public Appraisal Appraise(ReadOnlySpan<char> message)
    {
        var scan = new Scan();
        var concerns = new ConcernReader();
        var scratch = default(LexiconWord);
        int felt = Math.Min(message.Length, MaxAppraisedLength);
        int i = 0;
        bool sentenceStart = true;
        while (i < message.Length)
        {
            char c = message[i];
            if (char.IsLetter(c))
            {
                int start = i;
                i = WordEnd(message, i + 1);

                // A closing quotation mark is not part of the word: 'great' is "great".
                int end = i;
                while (message[end - 1] is '\'' or '\u2019')
                {
                    end--;
                }

                var word = message[start..end];
                ref readonly var entry = ref EnglishLexicon.Find(word, ref scratch, out var form, out var casing);
                concerns.Word(entry, form);
                if (start < felt)
                {
                    // "Wouldn't that be wonderful?" asks for agreement: its negation is rhetorical, and does not turn the feeling.
                    bool rhetorical = sentenceStart && (entry.Kind & WordKind.Negator) != 0 && word.Length > 3
                        && word[^2] is '\'' or '\u2019' && AsksAgreement(message, i);
                    if (rhetorical)
                    {
                        scan.Asserting();
                    }

                    scan.Word(word, casing, rhetorical ? ref EnglishLexicon.Nothing : ref entry);
                }

                sentenceStart = false;
                continue;
            }

            c = c switch { '\uFF01' => '!', '\uFF1F' => '?', '\u3002' or '\u3001' or '\uFF0C' => ',', _ => c };
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\n')
            {
                sentenceStart |= c is '.' or '!' or '?' or '\n';
                concerns.EndClause();
                if (i < felt)
                {
                    scan.EndClause();
                }
            }

            if (i < felt)
            {
                scan.Mark(c, i + 1 < message.Length ? message[i + 1] : '\0');
            }

            i++;
        }

        var stimulus = scan.Stimulus();
        return new Appraisal(stimulus, scan.Speaker(stimulus), concerns.Found);
    }

    /// <summary>
    /// Whether the sentence whose first word, a negated auxiliary ("isn't", "wouldn't", "don't"), ends at
    /// <paramref name="after"/> asks for agreement: a subject follows ("isn't it", "don't you") and the sentence ends in a
    /// question mark. "Can't find a bike community?" has no subject, and is a negation. Reads only to the sentence's end.
    /// </summary>
    private static bool AsksAgreement(ReadOnlySpan<char> message, int after)
    {
        var rest = message[after..].TrimStart();
        int length = 0;
        while (length < rest.Length && char.IsLetter(rest[length]))
        {
            length++;
        }

        if (!WordLists.Subjects.Contains(rest[..length]))
        {
            return false;
        }

        int end = rest.IndexOfAny(SentenceEnds);
        return end >= 0 && rest[end] == '?';
    }

    /// <summary>Where the word that goes on at <paramref name="i"/> ends: after its last letter or apostrophe.</summary>
    /// <remarks>ASCII is read in line, without a call, so the loop's index stays in a register; the rest of a word beyond ASCII is read out of line.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int WordEnd(ReadOnlySpan<char> message, int i)
    {
        while ((uint)i < (uint)message.Length)
        {
            char c = message[i];
            if (c >= 128)
            {
                return WordEndBeyondAscii(message, i);
            }

            if ((uint)((c | 0x20) - 'a') > 'z' - 'a' && c != '\'')
            {
                return i;
            }

            i++;
        }

        return i;
    }

    /// <summary>Goes on with <see cref="WordEnd"/> from a character beyond ASCII: any letter, and the closing quotation mark, continue the word.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int WordEndBeyondAscii(ReadOnlySpan<char> message, int i)
    {
        while (i < message.Length && (char.IsLetter(message[i]) || message[i] is '\'' or '\u2019'))
        {
            i++;
        }

        return i;
    }

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".!?\n\uFF01\uFF1F\u3002");

    private static double Squashed(double x) => Scale * x / Math.Sqrt((x * x) + Squash);
}
