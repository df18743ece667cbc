namespace Anima;

/// <summary>Someone the agent talks with: an id the host chooses, and the name the agent may call them by.</summary>
/// <remarks>
/// Turns with different people keep different histories and relationships, while the agent keeps one inner state
/// (see <see cref="PersonChatExtensions.ChatAsync(AnimaCore, Person, string, Microsoft.Extensions.AI.ChatOptions, CancellationToken)"/>). Two
/// instances with the same <see cref="Id"/> are the same person; a later turn may give them a new <see cref="Name"/>.
/// </remarks>
public sealed record Person
{
    /// <summary>The longest id or name a person may have, in UTF-16 code units.</summary>
    public const int MaxLength = 256;

    /// <summary>Initializes a person.</summary>
    /// <param name="id">The host's id for them: not empty or white space, at most <see cref="MaxLength"/> characters, valid text.</param>
    /// <param name="name">What the agent calls them, or <see langword="null"/> to say "this person"; at most <see cref="MaxLength"/> characters.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, white space, too long or not valid text, or <paramref name="name"/> is too long, white space or not valid text.</exception>
    public Person(string id, string? name = null)
    {
        Id = Checked(id, nameof(id));
        Name = name is null ? null : Checked(name, nameof(name));
    }

    /// <summary>Gets the host's id for the person.</summary>
    public string Id { get; }

    /// <summary>Gets the name the agent calls them by, if it has one.</summary>
    public string? Name { get; }

    private static string Checked(string value, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameter);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"A person's {parameter} may be at most {MaxLength} characters; this one has {value.Length}.", parameter);
        }

        if (value.AsSpan().ContainsAnyInRange('\ud800', '\udfff') && !IsValidText(value))
        {
            throw new ArgumentException($"A person's {parameter} is not valid text: it holds a lone surrogate.", parameter);
        }

        return value;
    }

    private static bool IsValidText(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf16(text, out _, out int used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            text = text[used..];
        }

        return true;
    }
}
