namespace Anima.StateModel;

/// <summary>
/// Hands out the slots of an agent's <see cref="AgentState"/>. Each component asks for what it keeps when it is
/// built, and the agent then makes every copy of its state from the finished layout.
/// </summary>
internal sealed class StateLayout
{
    private int _numbers;
    private int _integers;
    private int _objects;
    private bool _sealed;

    /// <summary>Reserves <paramref name="length"/> consecutive numbers.</summary>
    public NumberRange Numbers(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new NumberRange(Take(ref _numbers, length), length);
    }

    /// <summary>Reserves one number.</summary>
    public NumberSlot Number() => new(Take(ref _numbers, 1));

    /// <summary>Reserves a point in valence-arousal-dominance space: three numbers.</summary>
    public PointSlot Point() => new(Take(ref _numbers, 3));

    /// <summary>Reserves one whole number.</summary>
    public IntegerSlot Integer() => new(Take(ref _integers, 1));

    /// <summary>Reserves an instant: two whole numbers, its UTC ticks and its offset.</summary>
    public TimeSlot Time() => new(Take(ref _integers, 2));

    /// <summary>Reserves one object of type <typeparamref name="T"/>.</summary>
    public ObjectSlot<T> Object<T>()
        where T : class => new(Take(ref _objects, 1));

    /// <summary>Makes a new state of this layout, every slot zero or null; no slot can be reserved after the first.</summary>
    public AgentState Create()
    {
        _sealed = true;
        return new AgentState(_numbers, _integers, _objects);
    }

    private int Take(ref int next, int length)
    {
        if (_sealed)
        {
            throw new InvalidOperationException("The layout is in use; every slot must be reserved before the first state is made.");
        }

        int start = next;
        next += length;
        return start;
    }
}
