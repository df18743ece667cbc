using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Anima.Numerics;

namespace Anima.StateModel;

/// <summary>Consecutive numbers of an <see cref="AgentState"/>.</summary>
internal readonly record struct NumberRange(int Start, int Length)
{
    /// <summary>Gets the numbers in <paramref name="state"/>.</summary>
    public Span<double> Of(AgentState state) => new(state.Numbers, Start, Length);
}

/// <summary>One number of an <see cref="AgentState"/>.</summary>
internal readonly record struct NumberSlot(int Index)
{
    /// <summary>Gets the number in <paramref name="state"/>.</summary>
    public ref double Of(AgentState state) => ref state.Numbers[Index];
}

/// <summary>A point in valence-arousal-dominance space, kept as three numbers of an <see cref="AgentState"/>.</summary>
internal readonly record struct PointSlot(int Start)
{
    /// <summary>Gets the point in <paramref name="state"/>.</summary>
    public ref Vad Of(AgentState state) => ref MemoryMarshal.Cast<double, Vad>(new Span<double>(state.Numbers, Start, 3))[0];
}

/// <summary>One whole number of an <see cref="AgentState"/>.</summary>
internal readonly record struct IntegerSlot(int Index)
{
    /// <summary>Gets the whole number in <paramref name="state"/>.</summary>
    public ref long Of(AgentState state) => ref state.Integers[Index];
}

/// <summary>An instant, kept as two whole numbers of an <see cref="AgentState"/>: UTC ticks and offset minutes.</summary>
internal readonly record struct TimeSlot(int Start)
{
    /// <summary>Gets the instant in <paramref name="state"/>.</summary>
    public DateTimeOffset Get(AgentState state)
    {
        long offset = state.Integers[Start + 1];
        var utc = new DateTimeOffset(state.Integers[Start], TimeSpan.Zero);
        return offset == 0 ? utc : utc.ToOffset(TimeSpan.FromMinutes(offset));
    }

    /// <summary>Sets the instant in <paramref name="state"/>.</summary>
    public void Set(AgentState state, DateTimeOffset value)
    {
        state.Integers[Start] = value.UtcTicks;
        state.Integers[Start + 1] = (long)value.Offset.TotalMinutes;
    }
}

/// <summary>One object of an <see cref="AgentState"/>.</summary>
/// <typeparam name="T">The object's type; only the component that reserved the slot writes it.</typeparam>
internal readonly record struct ObjectSlot<T>(int Index)
    where T : class
{
    /// <summary>Gets the object in <paramref name="state"/>.</summary>
    public T? Get(AgentState state) => Unsafe.As<T?>(state.Objects[Index].Value);

    /// <summary>Sets the object in <paramref name="state"/>.</summary>
    public void Set(AgentState state, T? value) => state.Objects[Index].Value = value;
}
