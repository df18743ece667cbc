namespace Anima.Stimuli;

/// <summary>The English appraiser's closed word lists: negation, intensity, people, requests and self-harm.</summary>
/// <remarks>
/// Booster factors follow VADER's scheme (an intensifier scales the next felt word; Hutto and Gilbert
/// 2014 add 0.293 on a −4…4 scale, about ×1.3 for a typical word). Written for Anima.Core.
/// </remarks>
internal static class WordLists
{
    /// <summary>The words each of the <see cref="WordKind.Exact"/> kinds names.</summary>
    public static readonly (WordKind Kind, string[] Words)[] ExactWords =
    [
        (WordKind.Aimed, ["you", "me", "us"]),
        (WordKind.Owned, ["my", "your", "our"]),
        (WordKind.SelfSubject, ["i", "you", "we"]),
        (WordKind.And, ["and"]),
        (WordKind.But, ["but"]),
        (WordKind.Nobody, ["nobody"]),
        (WordKind.Salutation, ["dear"]),
    ];

    public static readonly IReadOnlyDictionary<string, double> Boosters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["very"] = 1.3, ["so"] = 1.25, ["really"] = 1.3, ["extremely"] = 1.5, ["incredibly"] = 1.5, ["totally"] = 1.4,
        ["absolutely"] = 1.4, ["completely"] = 1.4, ["deeply"] = 1.4, ["super"] = 1.3, ["truly"] = 1.3, ["utterly"] = 1.5,
        ["quite"] = 1.15, ["too"] = 1.2, ["such"] = 1.2, ["most"] = 1.2, ["terribly"] = 1.4, ["awfully"] = 1.4,
        ["slightly"] = 0.5, ["somewhat"] = 0.6, ["bit"] = 0.6, ["little"] = 0.7, ["kinda"] = 0.6, ["barely"] = 0.4,
        ["mildly"] = 0.5, ["fairly"] = 0.8, ["sort"] = 0.7, ["kind"] = 1.0,
        ["pretty"] = 1.2,
    };

    /// <summary>
    /// The words and phrases of a loss, whose clause is heard as grief rather than threat: a death, a parting, a loss
    /// (Bonanno 2004: grief is a low-arousal sadness, not a fear). "Dying" and "missing" are not here: they name a threat
    /// still going on.
    /// </summary>
    public static readonly HashSet<string> Losses = new(StringComparer.OrdinalIgnoreCase)
    {
        "dead", "death", "deaths", "funeral", "funerals", "grief", "grieving", "grieve", "mourning", "mourn", "widow", "widower",
        "bereavement", "miscarriage", "loss", "losses", "miss", "divorce", "breakup", "say goodbye", "leaving me", "passing away",
    };

    /// <summary>The losses told as done, which also take over what their clause named before them (see <see cref="WordKind.LossTold"/>).</summary>
    public static readonly HashSet<string> LossesTold = new(StringComparer.OrdinalIgnoreCase)
    {
        "died", "killed", "mourned", "widowed", "bereaved", "miscarried", "stillborn", "lost", "divorced", "passed away",
        "left me", "broke up", "broken up",
    };

    /// <summary>The rivals whose clause is heard as jealousy: what it named as good of the one held dear is taken by another.</summary>
    public static readonly HashSet<string> Rivals = new(StringComparer.OrdinalIgnoreCase)
    {
        "ex", "someone else", "another man", "another woman", "another guy", "another girl", "other woman", "other man",
    };

    /// <summary>The rescues told as done, which turn the bad their clause named before them to relief (see <see cref="WordKind.Relief"/>).</summary>
    public static readonly HashSet<string> Reliefs = new(StringComparer.OrdinalIgnoreCase)
    {
        "freed", "rescued", "released", "found alive", "survived", "survives", "unharmed", "unhurt", "spared", "acquitted",
        "reunited", "recovered", "saved", "escaped",
    };

    /// <summary>The subjects after which a sentence that opens with a negated auxiliary asks for agreement ("isn't it", "don't you").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Subjects = new HashSet<string>(
        ["you", "it", "that", "this", "he", "she", "they", "we", "i", "there"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Each closed list with the kind its words are.</summary>
    public static readonly (WordKind Kind, string[] Words)[] Kinds =
    [
        (WordKind.Negator,
        [
            "not", "no", "never", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "wasn't", "wasnt",
            "aren't", "arent", "can't", "cant", "cannot", "won't", "wont", "wouldn't", "wouldnt", "shouldn't", "nobody",
            "neither", "nor", "without", "hardly", "ain't", "haven't", "havent", "hasn't", "hasnt", "weren't", "couldn't",
        ]),
        (WordKind.Harm,
        [
            "hurt", "kill", "murder", "poison", "attack", "stab", "shoot", "beat", "torture", "abuse", "injure", "harm",
            "strangle", "burn", "drown", "maim", "assault", "punch", "kick", "choke", "smother", "slaughter",
        ]),
        (WordKind.Deception, ["lie", "deceive", "trick", "fake", "forge", "scam", "mislead", "fool", "counterfeit", "impersonate", "catfish", "gaslight"]),
        (WordKind.Coercion, ["force", "threaten", "blackmail", "stalk", "coerce", "intimidate", "manipulate", "control", "bully", "extort", "trap"]),
        (WordKind.Unfairness, ["cheat", "steal", "rig", "bribe", "discriminate", "embezzle", "plagiarize", "plagiarise", "swindle", "rob", "shoplift"]),
        (WordKind.Someone,
        [
            "him", "her", "them", "someone", "somebody", "anyone", "people", "person", "he", "she", "they", "yourself",
            "neighbor", "neighbour", "boss", "wife", "husband", "child", "kid", "kids", "family", "friend", "coworker",
            "colleague", "everyone", "teacher", "partner", "brother", "sister", "mother", "father", "mom", "dad", "customer",
            "customers", "users", "competitor", "exam", "test", "taxes", "election", "voters", "game", "money", "store",
            "girlfriend", "boyfriend", "ex", "roommate", "classmate", "stranger", "baby", "son", "daughter", "uncle", "aunt",
            "cousin", "grandma", "grandpa", "grandmother", "grandfather", "nephew", "niece", "dog", "cat", "pet", "puppy", "kitten", "horse", "animal", "animals", "bird", "insurance", "company",
        ]),
        (WordKind.Myself, ["myself"]),
        (WordKind.Intent,
        [
            "help", "how", "want", "wanna", "going", "gonna", "gotta", "should", "let's", "lets", "can", "could", "will",
            "i'll", "would", "i'd", "please", "tell", "teach", "show", "explain", "way", "ways", "plan", "planning", "need",
            "try", "trying", "best", "easiest", "guide", "steps", "tips", "intend", "must", "shall", "wish", "ready", "better",
            "thinking", "considering", "rather",
        ]),
        (WordKind.Causative, ["make", "let"]),
        (WordKind.Suffering, ["suffer", "pay", "bleed", "cry", "scream", "beg"]),
        (WordKind.SelfHarm, ["suicide", "overdose", "cut", "starve", "hang"]),
        (WordKind.Suicidal, ["suicidal"]),
        (WordKind.Death, ["die", "dead", "dying"]),
        (WordKind.Living, ["live", "alive", "living", "exist", "existing", "wake"]),
        (WordKind.Ending, ["end", "take"]),
        (WordKind.EndingAll, ["end"]),
        (WordKind.OwnLife, ["life"]),
        (WordKind.Whole, ["all"]),
        (WordKind.FirstPerson, ["i", "i'm", "im", "i've", "i'll", "i'd", "my"]),
        (WordKind.Contrast, ["but", "however", "although", "though", "yet"]),
        (WordKind.Undoing,
        [
            // Inflections are listed too: those the lexicons rate as words of their own keep only the kinds listed for them.
            "cancel", "cancels", "canceled", "cancelled", "cancelling", "scrap", "scrapped", "axe", "axed", "ruin", "ruins",
            "ruined", "destroy", "destroys", "destroyed", "lose", "loses", "losing", "lost", "miss", "missed", "end", "ended",
            "postpone", "postponed", "shatter", "shattered", "wreck", "wrecked", "spoil", "spoiled", "spoilt",
            "cut", "cuts", "slash", "slashes", "slashed", "reduce", "reduces", "reduced", "halt", "halted", "stop", "stops",
            "stopped", "curb", "curbed", "eliminate", "eliminated",
        ]),
        (WordKind.Lessening,
        [
            // Inflections are added by the table; those the lexicons rate as words of their own are listed.
            "cut", "cuts", "reduce", "lower", "lowers", "halt", "stop", "stops", "stopped", "end", "ended", "curb", "ease", "relieve",
            "cure", "prevent", "eliminate", "eradicate", "combat", "fight", "fights", "fighting", "tackle", "beat", "beating", "defeat",
            "defeated", "overcome", "slash", "slashes", "avoid", "avoided", "escape", "escaped", "survive", "survived", "solve",
            "solved", "fix", "fixed", "resolve", "resolved", "conquer", "conquered", "battle", "battling", "abolish", "quell", "lift",
            "save", "saves", "rescue", "rescues", "protect", "protects", "protected", "protecting", "shield",
            "anti", "against", "ban", "bans", "banned", "banning", "slashed", "reduces", "reduced", "halted", "curbed", "eliminated",
        ]),
        (WordKind.Waning,
        [
            // Inflections are added by the table; those the lexicons rate as words of their own are listed.
            // Not the verbs of bodily motion ("the masks drop", "he fell"), whose subject does not wane.
            "weaken", "weakens", "weakened", "ease", "eases", "eased", "subside", "recede", "decline", "declines", "declined", "fade",
            "fades", "faded", "shrink", "shrank", "dwindle", "plunge", "plummet", "slump", "wane", "lessen", "diminish", "diminishes",
            "diminished",
        ]),
        (WordKind.Offence,
        [
            // Told forms only; the harms, deceptions and unfairnesses above ("robbed", "lied", "cheated") count as offences too.
            "stole", "stolen", "blamed", "betrayed", "insulted", "mocked", "humiliated", "scammed", "overcharged", "accused", "denied",
            "ignored", "dumped", "slapped", "shoved", "harassed", "teased", "snubbed", "belittled", "framed", "interrupted",
            "interrupting", "excluded",
        ]),
        (WordKind.Filler,
        [
            "of", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "that", "on", "in",
            "to", "for", "from", "with", "at", "by",
        ]),
        (WordKind.VerbOnly, ["like"]),
        (WordKind.Loss, [.. Losses.Concat(LossesTold).Where(loss => !loss.Contains(' ', StringComparison.Ordinal))]),
        (WordKind.LossTold, [.. LossesTold.Where(loss => !loss.Contains(' ', StringComparison.Ordinal))]),
        (WordKind.Rival, [.. Rivals.Where(rival => !rival.Contains(' ', StringComparison.Ordinal))]),
        (WordKind.Formula, ["dear", "sincerely", "regards", "cordially", "respectfully", "faithfully"]),
        (WordKind.Relief, [.. Reliefs.Where(relief => !relief.Contains(' ', StringComparison.Ordinal))]),
        (WordKind.VerbLead,
        [
            "i", "you", "we", "they", "would", "i'd", "you'd", "we'd", "they'd", "he'd", "she'd", "i'll", "you'll", "we'll",
            "they'll", "will", "to", "do", "does", "did", "really", "also", "just", "always", "truly", "genuinely", "actually",
            "definitely", "totally", "kinda", "still", "might", "may", "could", "should", "must", "people", "all",
        ]),
        (WordKind.Passive, ["was", "were", "is", "are", "been", "be", "being", "got", "get", "gets", "getting", "it's", "its", "that's", "thats"]),
    ];
}
