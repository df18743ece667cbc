namespace Anima.Narration;

/// <summary>The default <see cref="INarrator"/>: English from the shared phrasebook (<see cref="Phrasebook"/>).</summary>
internal sealed class PhrasebookNarrator : INarrator
{
    public static PhrasebookNarrator Instance { get; } = new();

    /// <inheritdoc />
    public string Narrate(AnimaState state) => Phrasebook.Compose(state, state.NarrativeVariant);
}
