namespace Anima;

/// <summary>
/// The agent's phase of existence, from its count of experiences. Phases are open-ended: after the last
/// named one the agent keeps deepening, and <see cref="Depth"/> keeps counting.
/// </summary>
/// <param name="Name">The phase: Awakening, Discovery, Formation, Maturity, then Depth.</param>
/// <param name="Depth">
/// How far in: 0 for Awakening (under ten experiences), 1 for Discovery (under a hundred), 2 for
/// Formation (under a thousand), 3 for Maturity (under ten thousand), and one more for every further
/// factor of ten.
/// </param>
public readonly record struct LifePhase(string Name, int Depth);
