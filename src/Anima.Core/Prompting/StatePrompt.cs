using Anima.Prompting;

namespace Anima;

/// <summary>The inner-state block's markers, and what keeps text from outside it from forging one.</summary>
public static class StatePrompt
{
    /// <summary>The tag that opens the inner-state block.</summary>
    public const string OpenTag = "<anima_inner_state>";

    /// <summary>The tag that closes the inner-state block.</summary>
    public const string CloseTag = "</anima_inner_state>";

    /// <summary>Gets the default serializer: first-person feelings and desires in bands, never a digit.</summary>
    public static IStatePromptSerializer Default => FirstPersonPromptSerializer.Instance;

    /// <summary>
    /// Makes text safe to send beside the block: every occurrence of the block's tag name is spelled with hyphens,
    /// so the text reads the same to a person but no tag in it — with any spacing, attributes or brackets — can end,
    /// open or forge the block. The name is found however it is disguised: in any case, in fullwidth or other
    /// compatibility letters (after NFKC), with zero-width, format or soft-hyphen characters or combining marks
    /// inside it, or split by spaces, dashes, underscores or line breaks.
    /// </summary>
    /// <param name="text">Text from outside the agent, such as a user's message or a tool's result.</param>
    /// <returns><paramref name="text"/>, neutralised; the same instance when there was nothing to change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TagDefuser.Defuse(text);
    }
}
