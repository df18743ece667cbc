using Anima.Identity;

namespace Anima;

/// <summary>How the agent describes itself, and how stable that image is.</summary>
/// <remarks>The description is composed on first read and then cached.</remarks>
public sealed class SelfImage
{
    private readonly int _variant;
    private string? _description;

    internal SelfImage(double stability, Vad character, Personality personality, ArchivalTheme theme, int variant)
    {
        Stability = stability;
        Character = character;
        Personality = personality;
        Theme = theme;
        _variant = variant;
    }

    /// <summary>Gets how stable the self-image is, in [0, 1]: high when the present matches the agent's
    /// long-run character and recent experience has been steady, low after upheaval.</summary>
    public double Stability { get; }

    /// <summary>Gets the variant the description is composed with, kept so an exported state reads the same.</summary>
    internal int Variant => _variant;

    /// <summary>Gets the agent's long-run character as an average point in emotion space.</summary>
    public Vad Character { get; }

    /// <summary>Gets the personality the image is drawn from (after growth).</summary>
    public Personality Personality { get; }

    /// <summary>Gets the background theme the image carries.</summary>
    public ArchivalTheme Theme { get; }

    /// <summary>Gets the first-person self-description, in words only.</summary>
    public string Description => _description ??= SelfDescriber.Describe(this, _variant);

    /// <inheritdoc />
    public override string ToString() => Description;
}
