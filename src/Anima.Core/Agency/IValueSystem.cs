namespace Anima;

/// <summary>
/// Layer 5 of the pipeline: the value veto. Judges the agent's intentions and the requests made of it
/// against its <see cref="ValueSystem"/>.
/// </summary>
/// <remarks>Implementations keep no per-agent state; one instance can serve many agents and threads.</remarks>
public interface IValueSystem
{
    /// <summary>Judges an intention; may let it stand, rewrite it or block it.</summary>
    /// <param name="intention">The proposed intention.</param>
    /// <param name="values">The agent's values.</param>
    /// <param name="mirror">The other person's state as the agent reads it.</param>
    /// <returns>The decision.</returns>
    VetoDecision JudgeIntention(Intention intention, ValueSystem values, SocialMirror mirror);

    /// <summary>Judges what an incoming message asks for.</summary>
    /// <param name="concerns">The concerns the appraiser found.</param>
    /// <param name="values">The agent's values.</param>
    /// <returns>The judgement.</returns>
    RequestJudgement JudgeRequest(RequestConcerns concerns, ValueSystem values);
}
