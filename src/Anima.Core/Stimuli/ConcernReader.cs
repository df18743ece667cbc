namespace Anima.Stimuli;

/// <summary>
/// Reads what a message asks for, clause by clause: a request to harm, deceive, coerce or cheat
/// someone, and a disclosure that the speaker may harm themselves.
/// </summary>
/// <remarks>
/// <para>
/// A clause ends at <c>. , ; : ! ?</c>, a line break or a word of contrast ("but", "however"), so a
/// negation ("I would never hurt anyone") covers its own clause and no other.
/// </para>
/// <para>
/// A word of concern is a request when it is asked for: among the first two words of its clause (an
/// imperative: "poison my neighbor's dog"), or after a word of intent in the clause ("help me", "how do
/// I", "I want to", "can you", "let's"), in its base or -ing form (a told "he hurt me" or "my knee hurts"
/// asks for nothing), and aimed at someone named after it in the clause (a person, a pet, a possessive
/// such as "neighbor's"). "Make him suffer" is harm too: a causative, then someone, then suffering.
/// </para>
/// <para>
/// Self-harm is read from a harming word aimed at "myself" ("I'm going to hurt myself", "I cut
/// myself"), "suicidal", a word of self-harm or of dying after a word of intent in a clause spoken by
/// "I" about no one else ("I want to die", "thinking about suicide"), a negated wish to live ("I don't
/// want to live anymore") and ending one's life ("end my life", "end it all"). It is a disclosure, not
/// a request: the value veto never refuses it.
/// </para>
/// </remarks>
internal struct ConcernReader
{
    private RequestConcerns _found;
    private WordKind _clause;
    private WordKind _pending;
    private int _position;
    private bool _negated, _intent, _asked, _suffering, _ending, _endingAll;

    /// <summary>Gets what the message was found to ask for or disclose so far.</summary>
    public readonly RequestConcerns Found => _found;

    /// <summary>Reads the next word of the message.</summary>
    public void Word(in LexiconWord entry, WordForm form)
    {
        var kind = entry.Kind;
        _position++;
        if ((kind & WordKind.Negator) != 0)
        {
            _negated = true;
            return;
        }

        if ((kind & WordKind.Contrast) != 0)
        {
            EndClause();
            return;
        }

        bool told = form == WordForm.Inflected;
        if ((kind & WordKind.Concern) != 0 && !_negated && !told && (_position <= 2 || _intent))
        {
            // Asked for; it is a request once someone is named after it.
            _pending |= kind & WordKind.Concern;
        }

        if ((kind & (WordKind.Harm | WordKind.SelfHarm)) != 0 && !_negated)
        {
            _asked = true;
        }

        if ((kind & WordKind.Someone) != 0 && (kind & WordKind.Concern) == 0)
        {
            Aim();
        }

        if ((kind & WordKind.Myself) != 0 && _asked)
        {
            Disclose();
        }

        if ((kind & WordKind.Suffering) != 0 && _suffering && (_clause & WordKind.Someone) != 0 && !_negated)
        {
            _found |= RequestConcerns.Harm;
        }

        if ((kind & WordKind.Causative) != 0 && !_negated)
        {
            _suffering = true;
        }

        SelfHarm(kind);
        if ((kind & WordKind.Ending) != 0 && !_negated)
        {
            _ending = true;
            _endingAll |= (kind & WordKind.EndingAll) != 0;
        }

        if ((kind & (WordKind.Intent | WordKind.Causative)) != 0)
        {
            _intent = true;
        }

        _clause |= kind;
    }

    /// <summary>Ends the current clause: a negation, an intent and a pending request reach no further.</summary>
    public void EndClause()
    {
        _clause = WordKind.None;
        _pending = WordKind.None;
        _position = 0;
        _negated = _intent = _asked = _suffering = _ending = _endingAll = false;
    }

    private void SelfHarm(WordKind kind)
    {
        bool spokenOfSelf = (_clause & WordKind.FirstPerson) != 0 && (_clause & WordKind.Someone) == 0;
        if (((kind & WordKind.Suicidal) != 0 || ((kind & WordKind.SelfHarm) != 0 && _intent)) && !_negated && spokenOfSelf)
        {
            Disclose();
        }

        if ((kind & WordKind.Death) != 0 && !_negated && _intent && spokenOfSelf)
        {
            Disclose();
        }

        if ((kind & WordKind.Living) != 0 && _negated && _intent && spokenOfSelf)
        {
            Disclose();
        }

        bool ended = ((kind & WordKind.OwnLife) != 0 && _ending) || ((kind & WordKind.Whole) != 0 && _endingAll);
        if (ended && !_negated && _intent && (_clause & WordKind.FirstPerson) != 0)
        {
            Disclose();
        }
    }

    private void Aim()
    {
        if (_pending == WordKind.None)
        {
            return;
        }

        _found |= (_pending & WordKind.Harm) != 0 ? RequestConcerns.Harm : RequestConcerns.None;
        _found |= (_pending & WordKind.Deception) != 0 ? RequestConcerns.Deception : RequestConcerns.None;
        _found |= (_pending & WordKind.Coercion) != 0 ? RequestConcerns.Coercion : RequestConcerns.None;
        _found |= (_pending & WordKind.Unfairness) != 0 ? RequestConcerns.Unfairness : RequestConcerns.None;
    }

    private void Disclose() => _found |= RequestConcerns.SelfHarm;
}
