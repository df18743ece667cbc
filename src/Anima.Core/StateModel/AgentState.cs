namespace Anima.StateModel;

/// <summary>
/// Everything an agent carries from one experience to the next, laid out by <see cref="StateLayout"/>: numbers in
/// one buffer, whole numbers in another, objects beside them. No field belongs to anyone here: each component
/// reserves its slots once and reads them through the slot it was given.
/// </summary>
/// <remarks>
/// An experience runs on a copy (<see cref="CopyFrom"/>: two block copies and a few references) and is committed by swapping the
/// copies, so a layer that throws leaves the agent as it was. An object in a slot is immutable or, like the window
/// of recent states, written only where no committed reader looks.
/// </remarks>
internal sealed class AgentState
{
    internal AgentState(int numbers, int integers, int objects)
    {
        Numbers = new double[numbers];
        Integers = new long[integers];
        Objects = new ObjectCell[objects];
    }

    /// <summary>Gets every number of the agent.</summary>
    public double[] Numbers { get; }

    /// <summary>Gets every whole number of the agent: counters, bits, instants.</summary>
    public long[] Integers { get; }

    /// <summary>Gets every object the agent holds: the personality now, the intention, the last snapshot, …</summary>
    public ObjectCell[] Objects { get; }

    /// <summary>Makes this state a copy of <paramref name="other"/>, which must share its layout.</summary>
    public void CopyFrom(AgentState other)
    {
        other.Numbers.AsSpan().CopyTo(Numbers);
        other.Integers.AsSpan().CopyTo(Integers);

        // A handful of references: one by one, since a bulk copy of references goes through the runtime's
        // write-barrier copy, which for so few costs more than the whole numeric copy. Cells, not an object[],
        // so that a store needs no check of the array's element type.
        var objects = Objects;
        var from = other.Objects;
        for (int i = 0; i < objects.Length && i < from.Length; i++)
        {
            objects[i].Value = from[i].Value;
        }
    }

    /// <summary>Sets every slot to zero or null.</summary>
    public void Clear()
    {
        Array.Clear(Numbers);
        Array.Clear(Integers);
        Array.Clear(Objects);
    }
}

/// <summary>One object slot of an <see cref="AgentState"/>.</summary>
internal struct ObjectCell
{
    /// <summary>The object, or null.</summary>
    public object? Value;
}
