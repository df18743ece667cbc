namespace Anima;

/// <summary>What an <see cref="IEgoDefense"/> is told of a moment.</summary>
/// <remarks>A stack-only view, valid for the call it is passed to: it copies nothing to the heap.</remarks>
public readonly ref struct DefenseSituation
{
    /// <summary>Initializes the situation.</summary>
    /// <param name="vad">The felt point.</param>
    /// <param name="dissonance">The dissonance between intention, feeling and values, in [0, 1].</param>
    /// <param name="primary">The primary emotion.</param>
    /// <param name="surpriseSpike">Whether the moment's surprise spiked.</param>
    /// <param name="veto">The value veto of the moment, if it rewrote or blocked the intention.</param>
    /// <param name="request">How the values judged what the agent was asked.</param>
    /// <param name="intention">The intention the agent holds, if any.</param>
    /// <param name="mirror">How the other person seems.</param>
    /// <param name="personality">The agent's personality now.</param>
    public DefenseSituation(Vad vad, double dissonance, EmotionDefinition primary, bool surpriseSpike, VetoDecision? veto, RequestJudgement request, Intention? intention, SocialMirror mirror, Personality personality)
    {
        Vad = vad;
        Dissonance = dissonance;
        Primary = primary;
        SurpriseSpike = surpriseSpike;
        Veto = veto;
        Request = request;
        Intention = intention;
        Mirror = mirror;
        Personality = personality;
    }

    /// <summary>Gets the felt point.</summary>
    public Vad Vad { get; }

    /// <summary>Gets the dissonance between intention, feeling and values, in [0, 1].</summary>
    public double Dissonance { get; }

    /// <summary>Gets the primary emotion.</summary>
    public EmotionDefinition Primary { get; }

    /// <summary>Gets a value indicating whether the moment's surprise spiked.</summary>
    public bool SurpriseSpike { get; }

    /// <summary>Gets the value veto of the moment, if it rewrote or blocked the intention.</summary>
    public VetoDecision? Veto { get; }

    /// <summary>Gets how the values judged what the agent was asked.</summary>
    public RequestJudgement Request { get; }

    /// <summary>Gets the intention the agent holds, if any.</summary>
    public Intention? Intention { get; }

    /// <summary>Gets how the other person seems.</summary>
    public SocialMirror Mirror { get; }

    /// <summary>Gets the agent's personality now.</summary>
    public Personality Personality { get; }
}
