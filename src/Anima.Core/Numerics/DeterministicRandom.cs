namespace Anima.Numerics;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose whole state is one
/// <see cref="ulong"/>, so an agent's randomness is reproducible from its seed and can be saved.
/// </summary>
internal struct DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong state) => _state = state;

    public readonly ulong State => _state;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Returns an integer in [0, <paramref name="exclusiveMax"/>).</summary>
    public int NextInt(int exclusiveMax) => (int)(NextUInt64() % (ulong)exclusiveMax);

    /// <summary>Returns a double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
