namespace Anima;

/// <summary>What sets a <see cref="Gland"/> off.</summary>
public enum GlandTrigger
{
    /// <summary>The user said something to the agent (<see cref="AnimaCore.ChatAsync"/>, or a message heard by <see cref="AnimaChatClient"/>).</summary>
    UserMessage,

    /// <summary>A tool the agent used failed (<see cref="AnimaCore.ExperienceToolResult"/> with <see langword="false"/>).</summary>
    ToolFailure,

    /// <summary>A tool the agent used succeeded.</summary>
    ToolSuccess,

    /// <summary>
    /// A success came after frustration: the gland's amount is scaled by the frustration the agent felt just
    /// before (on the 0–1 scale of <see cref="AnimaState.Frustration"/>), so the more it struggled, the greater the relief.
    /// </summary>
    Relief,
}
