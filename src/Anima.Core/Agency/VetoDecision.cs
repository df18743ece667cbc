namespace Anima;

/// <summary>The value system's judgement of an intention.</summary>
/// <param name="Verdict">Allowed, rewritten or blocked.</param>
/// <param name="Value">The value that objected, when the verdict is not <see cref="VetoVerdict.Allowed"/>.</param>
/// <param name="Original">The goal as it was proposed.</param>
/// <param name="Replacement">The goal it was rewritten into, when <see cref="VetoVerdict.Rewritten"/>.</param>
public readonly record struct VetoDecision(VetoVerdict Verdict, CoreValue? Value, Goal Original, Goal? Replacement)
{
    /// <summary>Creates a decision that lets <paramref name="goal"/> stand.</summary>
    /// <param name="goal">The goal.</param>
    /// <returns>The decision.</returns>
    public static VetoDecision Allow(Goal goal) => new(VetoVerdict.Allowed, null, goal, null);
}
