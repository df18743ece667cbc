namespace Anima;

/// <summary>The agent's sense of the other person.</summary>
/// <param name="Speaker">The speaker's state as their words show it.</param>
/// <param name="Perceived">The emotion the agent sees in them, or <see langword="null"/> when their words showed nothing.</param>
/// <param name="Resonance">How much of their feeling the agent takes on, in [0, 1] (higher for agreeable agents).</param>
public readonly record struct SocialMirror(SpeakerImpression Speaker, string? Perceived, double Resonance);
