using System.Text;

namespace AnimaChat;

/// <summary>Turns the library's enum names into words a person reads.</summary>
internal static class Words
{
    /// <summary>Spells an enum value in lower-case words: <c>ReachOut</c> becomes "reach out".</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The words.</returns>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
