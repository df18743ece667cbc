using System.Text.Json;
using Anima.Numerics;

namespace Anima.StateModel;

/// <summary>How the agent document writes the kinds of value it holds.</summary>
internal static class JsonWriting
{
    /// <summary>Writes numbers as an array.</summary>
    public static void WriteNumbers(this Utf8JsonWriter writer, string name, ReadOnlySpan<double> numbers)
    {
        writer.WriteStartArray(name);
        foreach (double number in numbers)
        {
            writer.WriteNumberValue(number);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a list of numbers as an array.</summary>
    public static void WriteNumbers(this Utf8JsonWriter writer, string name, IReadOnlyList<double> numbers)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < numbers.Count; i++)
        {
            writer.WriteNumberValue(numbers[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a point as [valence, arousal, dominance].</summary>
    public static void WritePoint(this Utf8JsonWriter writer, string name, Vad point)
    {
        writer.WriteStartArray(name);
        writer.WriteNumberValue(point.Valence);
        writer.WriteNumberValue(point.Arousal);
        writer.WriteNumberValue(point.Dominance);
        writer.WriteEndArray();
    }

    /// <summary>Writes an enum by name (flags as a comma-separated list).</summary>
    public static void WriteEnum<T>(this Utf8JsonWriter writer, string name, T value)
        where T : struct, Enum => writer.WriteString(name, value.ToString());

    /// <summary>Writes an enum by name, or null.</summary>
    public static void WriteEnum<T>(this Utf8JsonWriter writer, string name, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            writer.WriteString(name, v.ToString());
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
