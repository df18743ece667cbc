namespace Anima;

/// <summary>
/// Tells a moment of the agent's inner life in the first person: the text of <see cref="AnimaState.Narrative"/>.
/// </summary>
/// <remarks>
/// <para>
/// The default narrator composes English from a phrasebook shared with the prompt and the events; supply your own
/// through <see cref="AnimaOptions.Narrator"/> for another language or voice.
/// </para>
/// <para>
/// A narrative is composed on the first read of <see cref="AnimaState.Narrative"/>, on whichever thread reads it, so
/// an implementation must be thread-safe and should be deterministic. It must return a non-empty text with no
/// digit (the agent never shows a number); a narrator that breaks this makes the read throw an
/// <see cref="InvalidOperationException"/> naming it.
/// </para>
/// </remarks>
public interface INarrator
{
    /// <summary>Composes the first-person narrative of a snapshot.</summary>
    /// <param name="state">The moment to tell.</param>
    /// <returns>The narrative: words only, no digit.</returns>
    string Narrate(AnimaState state);
}
