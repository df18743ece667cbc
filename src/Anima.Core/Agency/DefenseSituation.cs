namespace Anima;

/// <summary>What an <see cref="IEgoDefense"/> is told of a moment.</summary>
/// <param name="Vad">The felt point.</param>
/// <param name="Dissonance">The dissonance between intention, feeling and values, in [0, 1].</param>
/// <param name="Primary">The primary emotion.</param>
/// <param name="SurpriseSpike">Whether the moment's surprise spiked.</param>
/// <param name="Veto">The value veto of the moment, if it rewrote or blocked the intention.</param>
/// <param name="Request">How the values judged what the agent was asked.</param>
/// <param name="Intention">The intention the agent holds, if any.</param>
/// <param name="Mirror">How the other person seems.</param>
/// <param name="Personality">The agent's personality now.</param>
public readonly record struct DefenseSituation(
    Vad Vad,
    double Dissonance,
    EmotionDefinition Primary,
    bool SurpriseSpike,
    VetoDecision? Veto,
    RequestJudgement Request,
    Intention? Intention,
    SocialMirror Mirror,
    Personality Personality);
