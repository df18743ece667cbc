namespace Anima;

/// <summary>
/// A personality- or state-dependent rule for how a felt emotion shows: for example fear, when the
/// bond to others is very low, shows as numbness.
/// </summary>
/// <remarks>
/// A rule applies when the primary emotion is <see cref="Emotion"/> and every condition that is set
/// holds. The first rule that applies wins. Role levels are compared with the channel's raw level in [0, 1].
/// </remarks>
public sealed record ExpressionRule
{
    /// <summary>Gets the felt emotion this rule transforms.</summary>
    public required string Emotion { get; init; }

    /// <summary>Gets the label the emotion shows as when the rule applies.</summary>
    public required string ShowsAs { get; init; }

    /// <summary>Gets the channel role whose level is tested, if any.</summary>
    public ChannelRole? Role { get; init; }

    /// <summary>Gets the level the role's channel must be below, if set.</summary>
    public double? RoleBelow { get; init; }

    /// <summary>Gets the level the role's channel must be above, if set.</summary>
    public double? RoleAbove { get; init; }

    /// <summary>Gets the personality trait that is tested, if any.</summary>
    public PersonalityTrait? Trait { get; init; }

    /// <summary>Gets the value the trait must be below, if set.</summary>
    public double? TraitBelow { get; init; }

    /// <summary>Gets the value the trait must be above, if set.</summary>
    public double? TraitAbove { get; init; }
}
