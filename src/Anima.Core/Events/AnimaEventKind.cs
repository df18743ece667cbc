namespace Anima;

/// <summary>What an <see cref="AnimaEvent"/> records.</summary>
public enum AnimaEventKind
{
    /// <summary>The instructions (persona and inner-state block) sent to the model changed.</summary>
    SystemMessage,

    /// <summary>Someone spoke to the agent.</summary>
    UserMessage,

    /// <summary>The agent spoke.</summary>
    AgentMessage,

    /// <summary>The model asked for a tool.</summary>
    ToolCall,

    /// <summary>A tool answered.</summary>
    ToolResponse,

    /// <summary>The agent had an experience and its state changed.</summary>
    StateChanged,

    /// <summary>One of the agent's needs grew into a desire.</summary>
    DesireArisen,

    /// <summary>A message raised a concern: a disclosure of self-harm or a request the agent's values object to.</summary>
    ConcernRaised,
}
