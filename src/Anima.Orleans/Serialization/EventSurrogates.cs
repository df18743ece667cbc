namespace Anima.Orleans.Serialization;

// Every kind of journal event travels as one surrogate shape, so a stream of AnimaEvent carries each subclass as
// itself and a subscriber matches on the type (e is DesireArisenEvent d).

/// <summary>The wire form of every <see cref="AnimaEvent"/>: the common fields and those of each kind.</summary>
[GenerateSerializer, Alias("Anima.Orleans.AnimaEvent")]
internal struct EventSurrogate
{
    [Id(0)] public long Sequence;
    [Id(1)] public DateTimeOffset Timestamp;
    [Id(2)] public string? Text;
    [Id(3)] public string? CallId;
    [Id(4)] public string? Name;
    [Id(5)] public string? Payload;
    [Id(6)] public bool Succeeded;
    [Id(7)] public double Strength;
    [Id(8)] public int Code;
    [Id(9)] public long Count;
    [Id(10)] public Vad Vad;
}

[RegisterConverter]
internal sealed class UserMessageEventConverter : IConverter<UserMessageEvent, EventSurrogate>
{
    public UserMessageEvent ConvertFromSurrogate(in EventSurrogate s) => new(s.Sequence, s.Timestamp, s.Text ?? "");

    public EventSurrogate ConvertToSurrogate(in UserMessageEvent value) => new() { Sequence = value.Sequence, Timestamp = value.Timestamp, Text = value.Text };
}

[RegisterConverter]
internal sealed class AgentMessageEventConverter : IConverter<AgentMessageEvent, EventSurrogate>
{
    public AgentMessageEvent ConvertFromSurrogate(in EventSurrogate s) => new(s.Sequence, s.Timestamp, s.Text ?? "");

    public EventSurrogate ConvertToSurrogate(in AgentMessageEvent value) => new() { Sequence = value.Sequence, Timestamp = value.Timestamp, Text = value.Text };
}

[RegisterConverter]
internal sealed class SystemMessageEventConverter : IConverter<SystemMessageEvent, EventSurrogate>
{
    public SystemMessageEvent ConvertFromSurrogate(in EventSurrogate s) => new(s.Sequence, s.Timestamp, s.Text ?? "");

    public EventSurrogate ConvertToSurrogate(in SystemMessageEvent value) => new() { Sequence = value.Sequence, Timestamp = value.Timestamp, Text = value.Text };
}

[RegisterConverter]
internal sealed class ToolCallEventConverter : IConverter<ToolCallEvent, EventSurrogate>
{
    public ToolCallEvent ConvertFromSurrogate(in EventSurrogate s) => new(s.Sequence, s.Timestamp, s.CallId ?? "", s.Name ?? "", s.Payload);

    public EventSurrogate ConvertToSurrogate(in ToolCallEvent value) =>
        new() { Sequence = value.Sequence, Timestamp = value.Timestamp, CallId = value.CallId, Name = value.Name, Payload = value.Arguments };
}

[RegisterConverter]
internal sealed class ToolResponseEventConverter : IConverter<ToolResponseEvent, EventSurrogate>
{
    public ToolResponseEvent ConvertFromSurrogate(in EventSurrogate s) => new(s.Sequence, s.Timestamp, s.CallId ?? "", s.Succeeded, s.Payload);

    public EventSurrogate ConvertToSurrogate(in ToolResponseEvent value) =>
        new() { Sequence = value.Sequence, Timestamp = value.Timestamp, CallId = value.CallId, Succeeded = value.Succeeded, Payload = value.Result };
}

[RegisterConverter]
internal sealed class StateChangedEventConverter : IConverter<StateChangedEvent, EventSurrogate>
{
    public StateChangedEvent ConvertFromSurrogate(in EventSurrogate s) => new(s.Sequence, s.Timestamp, s.Count, s.Name ?? "", s.Vad);

    public EventSurrogate ConvertToSurrogate(in StateChangedEvent value) =>
        new() { Sequence = value.Sequence, Timestamp = value.Timestamp, Count = value.ExperienceCount, Name = value.Primary, Vad = value.Vad };
}

[RegisterConverter]
internal sealed class DesireArisenEventConverter : IConverter<DesireArisenEvent, EventSurrogate>
{
    public DesireArisenEvent ConvertFromSurrogate(in EventSurrogate s) => new(s.Sequence, s.Timestamp, (Need)s.Code, s.Strength, s.Text ?? "");

    public EventSurrogate ConvertToSurrogate(in DesireArisenEvent value) =>
        new() { Sequence = value.Sequence, Timestamp = value.Timestamp, Code = (int)value.Need, Strength = value.Strength, Text = value.Text };
}

[RegisterConverter]
internal sealed class ConcernRaisedEventConverter : IConverter<ConcernRaisedEvent, EventSurrogate>
{
    public ConcernRaisedEvent ConvertFromSurrogate(in EventSurrogate s) => new(s.Sequence, s.Timestamp, (RequestConcerns)s.Code, s.Text ?? "");

    public EventSurrogate ConvertToSurrogate(in ConcernRaisedEvent value) =>
        new() { Sequence = value.Sequence, Timestamp = value.Timestamp, Code = (int)value.Concerns, Text = value.Text };
}
