using System.Runtime.CompilerServices;

namespace Anima.Numerics;

// Fixed-size room on the stack for the pipeline's small working sets. A method that uses stackalloc and
// has a loop cannot be replaced on the stack while it runs, so the runtime compiles it once, fully
// optimised but without the profile that guides inlining and devirtualisation; these buffers avoid that.

/// <summary>One number per channel, for up to <see cref="Capacity"/> channels (the most a profile may have).</summary>
[InlineArray(Capacity)]
internal struct ChannelNumbers
{
    /// <summary>The most channels a profile may have.</summary>
    public const int Capacity = 8;

    private double _element;
}

/// <summary>One index per channel, for up to <see cref="ChannelNumbers.Capacity"/> channels.</summary>
[InlineArray(ChannelNumbers.Capacity)]
internal struct ChannelIndices
{
    private int _element;
}

/// <summary>The channels of a part of four.</summary>
[InlineArray(4)]
internal struct FourIndices
{
    private int _element;
}

/// <summary>One number per need (or per trait), for up to sixteen.</summary>
[InlineArray(16)]
internal struct SixteenNumbers
{
    private double _element;
}

/// <summary>The emotions of a blend: three indices.</summary>
[InlineArray(3)]
internal struct BlendIndices
{
    private int _element;
}

/// <summary>The emotions of a blend: three weights.</summary>
[InlineArray(3)]
internal struct BlendWeights
{
    private double _element;
}

/// <summary>The four appraisal dimensions: tension, arousal, satisfaction, cohesion.</summary>
[InlineArray(4)]
internal struct FourNumbers
{
    private double _element;
}

/// <summary>Room for one word of a message, up to <see cref="Capacity"/> characters (the longest word the lexicon looks up).</summary>
[InlineArray(Capacity)]
internal struct WordChars
{
    /// <summary>The most characters a word may have.</summary>
    public const int Capacity = 48;

    private char _element;
}

/// <summary>A square matrix of up to eight channels (row-major, 64 numbers).</summary>
[InlineArray(Capacity)]
internal struct MatrixNumbers
{
    /// <summary>The numbers held: eight rows of eight.</summary>
    public const int Capacity = ChannelNumbers.Capacity * ChannelNumbers.Capacity;

    private double _element;
}

/// <summary>One number per pair of up to eight channels, a pair with itself included (the lower triangle with its diagonal).</summary>
[InlineArray(Capacity)]
internal struct PairNumbers
{
    /// <summary>The pairs of eight channels, each with itself included.</summary>
    public const int Capacity = ChannelNumbers.Capacity * (ChannelNumbers.Capacity + 1) / 2;

    private double _element;
}

/// <summary>Up to eight channels' series over the window of recent states (32 rows each).</summary>
[InlineArray(ChannelNumbers.Capacity * Rows)]
internal struct WindowNumbers
{
    /// <summary>The rows of each channel's series.</summary>
    public const int Rows = 32;

    private double _element;
}
