using System.Globalization;
using System.Text.Json;
using Anima.Numerics;

namespace Anima.StateModel;

/// <summary>
/// Reads one object of the agent document and checks every value it hands out: present, of the right kind, finite
/// and within range. Every refusal is an <see cref="InvalidDataException"/> that names the value by its path, such
/// as <c>reactors.levels[2]</c>.
/// </summary>
internal sealed class SectionReader
{
    /// <summary>
    /// The largest magnitude of a number whose reader names no range of its own: no value of an agent's state comes
    /// near it, and products of a few such values stay finite, so a document cannot overflow the agent later.
    /// </summary>
    public const double Magnitude = 1e6;

    /// <summary>The largest counter (experiences, events, memory ids) a document may hold: 2⁵³, where doubles stop counting exactly, and far beyond any life.</summary>
    public const long MaxCount = 1L << 53;

    private readonly JsonElement _element;

    public SectionReader(JsonElement element, string path)
    {
        Path = path;
        _element = element.ValueKind == JsonValueKind.Object
            ? element
            : throw Refuse($"{path} must be an object, not {Kind(element)}");
    }

    /// <summary>Gets where this object sits in the document.</summary>
    public string Path { get; }

    /// <summary>Makes the refusal of a document, for a reason that names what is wrong.</summary>
    public static InvalidDataException Refuse(string reason) => new($"The agent document is refused: {reason}.");

    /// <summary>Whether a member is missing or null.</summary>
    public bool IsNull(string name) => !_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null;

    /// <summary>Reads a member that is an object.</summary>
    public SectionReader Object(string name) => new(Member(name), Field(name));

    /// <summary>Reads a member that is an object or null.</summary>
    public SectionReader? OptionalObject(string name) => IsNull(name) ? null : Object(name);

    /// <summary>Reads a member that is an array, each element with its path.</summary>
    public IEnumerable<(JsonElement Element, string Path)> Array(string name)
    {
        var array = Member(name);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Refuse($"{Field(name)} must be an array, not {Kind(array)}");
        }

        return Elements(array, Field(name));

        static IEnumerable<(JsonElement, string)> Elements(JsonElement array, string path)
        {
            int i = 0;
            foreach (var element in array.EnumerateArray())
            {
                yield return (element, $"{path}[{i++}]");
            }
        }
    }

    /// <summary>Reads a member as it is, for a reader that knows its shape.</summary>
    public JsonElement Raw(string name) => Member(name);

    /// <summary>Reads a finite number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double Number(string name, double min = -Magnitude, double max = Magnitude) =>
        Number(Member(name), Field(name), min, max);

    /// <summary>Reads an array of exactly <paramref name="destination"/>'s length of finite numbers in range.</summary>
    public void Numbers(string name, Span<double> destination, double min = -Magnitude, double max = Magnitude)
    {
        var array = Member(name);
        string field = Field(name);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Refuse($"{field} must be an array, not {Kind(array)}");
        }

        int length = array.GetArrayLength();
        if (length != destination.Length)
        {
            throw Refuse($"{field} holds {length} numbers; {destination.Length} were expected");
        }

        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            // Paths are built only for a refusal: a document holds thousands of numbers.
            destination[i] = element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double value) && double.IsFinite(value) && value >= min && value <= max
                ? value
                : Number(element, $"{field}[{i}]", min, max);
            i++;
        }
    }

    /// <summary>Reads a point [valence, arousal, dominance], each coordinate in [-1, 1] as every point of the space is.</summary>
    public Vad Point(string name)
    {
        Span<double> v = stackalloc double[3];
        var array = Member(name);
        if (array.ValueKind == JsonValueKind.Array && array.GetArrayLength() != 3)
        {
            throw Refuse($"{Field(name)} holds {array.GetArrayLength()} numbers; 3 (valence, arousal, dominance) were expected");
        }

        Numbers(name, v, -1, 1);
        return new Vad(v[0], v[1], v[2]);
    }

    /// <summary>Reads a whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long Integer(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        var value = Member(name);
        string field = Field(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number))
        {
            throw Refuse($"{field} must be a whole number, not {Text(value)}");
        }

        return number >= min && number <= max
            ? number
            : throw Refuse(string.Create(CultureInfo.InvariantCulture, $"{field} is {number}, outside [{min}, {max}]"));
    }

    /// <summary>Reads a whole number that fits an <see cref="int"/>, in range.</summary>
    public int Int32(string name, int min = int.MinValue, int max = int.MaxValue) => (int)Integer(name, min, max);

    /// <summary>Reads an unsigned 64-bit number.</summary>
    public ulong UInt64(string name)
    {
        var value = Member(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out ulong number)
            ? number
            : throw Refuse($"{Field(name)} must be an unsigned whole number, not {Text(value)}");
    }

    /// <summary>Reads true or false.</summary>
    public bool Boolean(string name) => Member(name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        var kind => throw Refuse($"{Field(name)} must be true or false, not {kind}"),
    };

    /// <summary>Reads an instant in ISO 8601.</summary>
    public DateTimeOffset Time(string name)
    {
        var value = Member(name);
        return value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time)
            ? time
            : throw Refuse($"{Field(name)} must be a date and time, not {Text(value)}");
    }

    /// <summary>Reads a non-empty string.</summary>
    public string Text(string name) => OptionalText(name) is { Length: > 0 } text ? text : throw Refuse($"{Field(name)} is empty");

    /// <summary>Reads a string or null; a string must be valid UTF-16 (no lone surrogate), so the agent can write it again.</summary>
    public string? OptionalText(string name)
    {
        var value = Member(name);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => ValidText(String(value, Field(name)), Field(name)),
            var kind => throw Refuse($"{Field(name)} must be a string, not {kind}"),
        };
    }

    /// <summary>Checks that a text is valid UTF-16: every surrogate in a pair.</summary>
    /// <returns>The text.</returns>
    public static string ValidText(string text, string field)
    {
        int bad = text.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') is int first and >= 0 ? InvalidAt(text, first) : -1;
        return bad < 0 ? text : throw Refuse($"{field} is not valid text: it has a lone surrogate at {bad}");

        static int InvalidAt(string text, int from)
        {
            for (int i = from; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>Reads a JSON string, which System.Text.Json refuses to hand out when its escapes are not valid UTF-16.</summary>
    public static string String(JsonElement value, string field)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidDataException($"The agent document is refused: {field} is not valid text ({exception.Message}).", exception);
        }
    }

    /// <summary>Reads an enum by name (flags as a comma-separated list of names).</summary>
    public T Enum<T>(string name)
        where T : struct, Enum => OptionalEnum<T>(name) ?? throw Refuse($"{Field(name)} is missing");

    /// <summary>Reads an enum by name, or null.</summary>
    public T? OptionalEnum<T>(string name)
        where T : struct, Enum
    {
        var value = Member(name);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        bool named = text is { Length: > 0 } && !char.IsAsciiDigit(text[0]) && text[0] is not ('-' or '+' or ' ');
        if (named && System.Enum.TryParse<T>(text, ignoreCase: false, out var parsed) && Defined(parsed))
        {
            return parsed;
        }

        throw Refuse($"{Field(name)} is {Text(value)}, which is not a {typeof(T).Name}");
    }

    /// <summary>Reads a number of an element found by <see cref="Array"/>.</summary>
    public static double Number(JsonElement value, string field, double min = -Magnitude, double max = Magnitude)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number))
        {
            throw Refuse($"{field} must be a number, not {Text(value)}");
        }

        return double.IsFinite(number) && number >= min && number <= max
            ? number
            : throw Refuse(string.Create(CultureInfo.InvariantCulture, $"{field} is {number}, outside [{min}, {max}]"));
    }

    /// <summary>Checks a number already read, such as one element of a fixed-length array.</summary>
    public static double Within(double value, string field, double min, double max) =>
        double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw Refuse(string.Create(CultureInfo.InvariantCulture, $"{field} is {value}, outside [{min}, {max}]"));

    private JsonElement Member(string name) =>
        _element.TryGetProperty(name, out var value) ? value : throw Refuse($"{Field(name)} is missing");

    private string Field(string name) => Path.Length == 0 ? name : string.Concat(Path, ".", name);

    private static bool Defined<T>(T value)
        where T : struct, Enum
    {
        if (System.Enum.IsDefined(value))
        {
            return true;
        }

        if (!typeof(T).IsDefined(typeof(FlagsAttribute), false))
        {
            return false;
        }

        ulong all = 0;
        foreach (var defined in System.Enum.GetValues<T>())
        {
            all |= Convert.ToUInt64(defined, CultureInfo.InvariantCulture);
        }

        return (Convert.ToUInt64(value, CultureInfo.InvariantCulture) & ~all) == 0;
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString();

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{value.GetString()}'",
        JsonValueKind.Number => value.GetRawText(),
        var kind => kind.ToString(),
    };
}
