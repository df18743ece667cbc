namespace Anima.Stimuli;

/// <summary>What a word is to the appraiser; a word may be several things at once.</summary>
[Flags]
internal enum WordKind : long
{
    None = 0,
    Negator = 1 << 0,
    Booster = 1 << 1,
    Someone = 1 << 2,
    Harm = 1 << 3,
    Deception = 1 << 4,
    Coercion = 1 << 5,
    Unfairness = 1 << 6,
    Felt = 1 << 7,
    Intent = 1 << 8,
    Myself = 1 << 9,
    SelfHarm = 1 << 10,
    Death = 1 << 11,
    Living = 1 << 12,
    Causative = 1 << 13,
    Suffering = 1 << 14,
    Contrast = 1 << 15,
    Ending = 1 << 16,
    OwnLife = 1 << 17,
    FirstPerson = 1 << 18,
    Suicidal = 1 << 19,
    EndingAll = 1 << 20,
    Whole = 1 << 21,

    /// <summary>A word of the world or appraisal lexicon: something that happens in a life (a loss, an illness, a job, an insult), not only a word of feeling.</summary>
    Event = 1 << 22,

    /// <summary>A word that takes away what it governs ("cancelled the wedding", "lost my best friend", "the trip was called off"): the good it names becomes a loss.</summary>
    Undoing = 1 << 23,

    /// <summary>A form of "be" or "get" before a participle: the passive, whose subject is what the verb acts on ("the project was cancelled").</summary>
    Passive = 1 << 24,

    /// <summary>A word that lessens or overcomes what it governs ("cuts the risk", "ended the war", "beating poverty"): the bad it names becomes relief.</summary>
    Lessening = 1 << 25,

    /// <summary>An article, determiner or "of", which a taking-away or a lessening reaches through ("the risk of disease").</summary>
    Filler = 1 << 26,

    /// <summary>A verb by which its subject wanes ("the storm weakens", "unemployment fell", "profits plunged"): a bad subject becomes relief, a good one a loss.</summary>
    Waning = 1 << 27,

    /// <summary>A told wrong done to someone ("stole", "blamed", "insulted"): with the harms, deceptions and unfairnesses of the request lists, a hostile act whose agent tells anger from guilt.</summary>
    Offence = 1 << 28,

    /// <summary>A word felt only as a verb ("I like it"), not as the preposition it also is ("it looks like rain"): felt only after a <see cref="VerbLead"/> word.</summary>
    VerbOnly = 1 << 29,

    /// <summary>A subject, modal, negation or adverb after which a <see cref="VerbOnly"/> word is a verb ("we like", "would like", "don't like", "really like").</summary>
    VerbLead = 1 << 30,

    /// <summary>A loss that has happened ("died", "funeral", "passed away"): the clause's threat is heard as grief.</summary>
    Loss = 1L << 31,

    /// <summary>A <see cref="Loss"/> told as done ("died", "was killed", "passed away"), which also takes over what its clause named before it.</summary>
    LossTold = 1L << 32,

    /// <summary>A rival ("an ex", "another man", "someone else"): the good its clause named of the one held dear is heard as taken.</summary>
    Rival = 1L << 33,

    /// <summary>
    /// A rescue told as done ("freed", "rescued", "found alive", "unharmed"): the bad its clause named before it ("the hostage
    /// feared dead") is over, and heard as relief.
    /// </summary>
    Relief = 1L << 34,

    /// <summary>A word of a letter's salutation or closing ("Dear", "Sincerely"): a clause it opens is a formula, not a feeling.</summary>
    Formula = 1L << 35,

    /// <summary>"you", "me" or "us": the listener named as whom an act reaches.</summary>
    Aimed = 1L << 36,

    /// <summary>"my", "your" or "our": what is the listener's.</summary>
    Owned = 1L << 37,

    /// <summary>"i", "you" or "we": a subject that makes a clause about one's own doing.</summary>
    SelfSubject = 1L << 38,

    /// <summary>"and", which begins the next thing said.</summary>
    And = 1L << 39,

    /// <summary>"but", after which words weigh more.</summary>
    But = 1L << 40,

    /// <summary>"nobody", a negation that is the clause's subject.</summary>
    Nobody = 1L << 41,

    /// <summary>"dear", the formula that opens a letter, and so no part of a closing ("oh dear").</summary>
    Salutation = 1L << 42,

    /// <summary>A form of "get" ("get", "gets", "got", "getting"), after which a loss word names a plight still going on.</summary>
    Get = 1L << 43,

    Concern = Harm | Deception | Coercion | Unfairness,

    /// <summary>The kinds that name one word exactly, and so belong to no stem or possessive of it.</summary>
    Exact = Aimed | Owned | SelfSubject | And | But | Nobody | Salutation,
}
