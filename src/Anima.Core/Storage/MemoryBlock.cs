using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Anima.Memory;

namespace Anima.Storage;

/// <summary>
/// The binary form in which <see cref="SqliteAnimaStore"/> keeps memories: runs of up to <see cref="Size"/> memories,
/// each run one row, so loading a thousand memories reads a few dozen rows instead of a thousand.
/// </summary>
/// <remarks>
/// Layout, little-endian: a format byte (1), the memory count (int32), then per memory its id (int64), its time as
/// clock ticks (int64) and offset minutes (int16), its text and emotion as UTF-8 (int32 length, bytes), its feeling
/// (three doubles), its importance (double), its levels (int32 count, doubles) and its embedding (int32 count,
/// floats). Format 2 adds, after the embedding, the memory's kind (a byte) and its person, reply and subject, each a
/// presence byte followed, when present, by the text. Every length is checked on reading; a block that does not parse
/// to its end is refused. Format 1 blocks (from before people and beliefs) are read as moments of no one.
/// </remarks>
internal static class MemoryBlock
{
    /// <summary>How many memories one block holds; block <c>b</c> holds memories <c>b·Size</c> to <c>(b+1)·Size − 1</c>.</summary>
    public const int Size = 32;

    private const byte Format = 2;

    /// <summary>Encodes memories <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1.</summary>
    public static byte[] Encode(IReadOnlyList<EmotionalMemory> memories, int start, int count)
    {
        int length = 1 + sizeof(int);
        for (int i = start; i < start + count; i++)
        {
            var m = memories[i];
            length += (2 * sizeof(long)) + sizeof(short) + (2 * sizeof(int)) + Encoding.UTF8.GetByteCount(m.Text) + Encoding.UTF8.GetByteCount(m.Emotion)
                + (4 * sizeof(double)) + sizeof(int) + (m.Levels.Count * sizeof(double)) + sizeof(int) + (m.Embedding.Length * sizeof(float))
                + 4 + Optional(m.PersonId) + Optional(m.Reply) + Optional(m.Subject);
        }

        var bytes = new byte[length];
        var writer = new Writer(bytes);
        writer.Byte(Format);
        writer.Int32(count);
        for (int i = start; i < start + count; i++)
        {
            var m = memories[i];
            writer.Int64(m.Id);
            writer.Int64(m.Timestamp.Ticks);
            writer.Int16((short)m.Timestamp.Offset.TotalMinutes);
            writer.Text(m.Text);
            writer.Text(m.Emotion);
            writer.Double(m.Feeling.Valence);
            writer.Double(m.Feeling.Arousal);
            writer.Double(m.Feeling.Dominance);
            writer.Double(m.Importance);
            writer.Int32(m.Levels.Count);
            foreach (double level in m.Levels)
            {
                writer.Double(level);
            }

            writer.Floats(m.Embedding.Span);
            writer.Byte((byte)m.Kind);
            writer.OptionalText(m.PersonId);
            writer.OptionalText(m.Reply);
            writer.OptionalText(m.Subject);
        }

        return bytes;

        static int Optional(string? text) => text is null ? 0 : sizeof(int) + Encoding.UTF8.GetByteCount(text);
    }

    /// <summary>
    /// Decodes a block into <paramref name="into"/>, laying the embeddings out as <see cref="EmbeddingChunks"/> does,
    /// so an <see cref="EmotionalMemoryBank"/> keeps them without copying.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <param name="into">The memories decoded so far, to which this block's are added.</param>
    /// <param name="chunk">The chunk of embeddings being filled, carried from block to block.</param>
    /// <param name="dimensions">The embeddings' length, set by the first memory.</param>
    /// <param name="names">The emotion names decoded so far, shared by the memories that name the same emotion.</param>
    /// <exception cref="InvalidDataException">The block is damaged; <paramref name="into"/> may hold part of it.</exception>
    public static void Decode(ReadOnlySpan<byte> block, DecodedMemories into, ref float[]? chunk, ref int dimensions, Names names)
    {
        var reader = new Reader(block);
        byte format = reader.Byte();
        if (format is not (1 or Format))
        {
            throw new InvalidDataException("its format byte is unknown");
        }

        int count = reader.Count(sizeof(long));
        for (int i = 0; i < count; i++)
        {
            long id = reader.Int64();
            long ticks = reader.Int64();
            short offset = reader.Int16();
            string text = reader.Text();
            string emotion = names.Get(reader.Bytes());
            var feeling = new Vad(reader.Double(), reader.Double(), reader.Double());
            double importance = reader.Double();
            var levels = new double[reader.Count(sizeof(double))];
            for (int l = 0; l < levels.Length; l++)
            {
                levels[l] = reader.Double();
            }

            var embedding = reader.Floats(ref chunk, ref dimensions, into.Count);
            DateTimeOffset timestamp;
            try
            {
                timestamp = new DateTimeOffset(ticks, TimeSpan.FromMinutes(offset));
            }
            catch (ArgumentException exception)
            {
                throw new InvalidDataException($"memory {id} has an impossible time", exception);
            }

            var kind = MemoryKind.Moment;
            string? person = null, reply = null, subject = null;
            if (format >= 2)
            {
                byte kindByte = reader.Byte();
                kind = kindByte <= (byte)MemoryKind.Belief ? (MemoryKind)kindByte : throw new InvalidDataException($"memory {id} is of an unknown kind");
                person = reader.OptionalText();
                reply = reader.OptionalText();
                subject = reader.OptionalText();
            }

            into.Add(new EmotionalMemory(id, text, timestamp, emotion, feeling, levels, importance, embedding) { Kind = kind, PersonId = person, Reply = reply, Subject = subject });
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("it has bytes after its last memory");
        }
    }

    private ref struct Writer(Span<byte> bytes)
    {
        private readonly Span<byte> _bytes = bytes;
        private int _at;

        public void Byte(byte value) => _bytes[_at++] = value;

        public void Int16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Next(sizeof(short)), value);

        public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Next(sizeof(int)), value);

        public void Int64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Next(sizeof(long)), value);

        public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Next(sizeof(double)), value);

        public void Text(string value)
        {
            int length = Encoding.UTF8.GetByteCount(value);
            Int32(length);
            Encoding.UTF8.GetBytes(value, Next(length));
        }

        public void OptionalText(string? value)
        {
            Byte(value is null ? (byte)0 : (byte)1);
            if (value is not null)
            {
                Text(value);
            }
        }

        public void Floats(ReadOnlySpan<float> values)
        {
            Int32(values.Length);
            var target = Next(values.Length * sizeof(float));
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.AsBytes(values).CopyTo(target);
                return;
            }

            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(target[(i * sizeof(float))..], values[i]);
            }
        }

        private Span<byte> Next(int length)
        {
            var span = _bytes.Slice(_at, length);
            _at += length;
            return span;
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public byte Byte() => Next(1)[0];

        public short Int16() => BinaryPrimitives.ReadInt16LittleEndian(Next(sizeof(short)));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Next(sizeof(long)));

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Next(sizeof(double)));

        /// <summary>Reads a count and checks that that many items of at least <paramref name="itemBytes"/> bytes can follow.</summary>
        public int Count(int itemBytes)
        {
            int count = BinaryPrimitives.ReadInt32LittleEndian(Next(sizeof(int)));
            if (count < 0 || count > (_bytes.Length - _at) / itemBytes)
            {
                throw new InvalidDataException($"it claims {count} items where at most {(_bytes.Length - _at) / itemBytes} fit");
            }

            return count;
        }

        public string Text() => Decode(Bytes());

        /// <summary>Reads a length-prefixed run of bytes.</summary>
        public ReadOnlySpan<byte> Bytes() => Next(Count(1));

        public string? OptionalText() => Byte() switch
        {
            0 => null,
            1 => Text(),
            _ => throw new InvalidDataException("it holds an optional text with an unknown marker"),
        };

        /// <summary>Reads an embedding into row <paramref name="row"/> of the chunks (<see cref="EmbeddingChunks"/>); the first row sets the width.</summary>
        public ReadOnlyMemory<float> Floats(ref float[]? chunk, ref int dimensions, int row)
        {
            int length = Count(sizeof(float));
            var source = Next(length * sizeof(float));
            if (length == 0)
            {
                throw new InvalidDataException("it holds an empty embedding");
            }

            if (row == 0)
            {
                dimensions = length;
            }
            else if (length != dimensions)
            {
                throw new InvalidDataException($"it holds an embedding of {length} dimensions where the first had {dimensions}");
            }

            var values = EmbeddingChunks.Next(ref chunk, row, dimensions);

            // Measured as it is copied, while the row is in the cache, instead of in a second pass over every embedding.
            float norm = MathF.Sqrt(Numerics.Floats.CopySquares(source, values.Span));
            if (!float.IsFinite(norm) || Math.Abs(norm - 1) > 1e-3)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"it holds an embedding of length {norm}, not of unit length"));
            }

            return values;
        }

        private ReadOnlySpan<byte> Next(int length)
        {
            if (length > _bytes.Length - _at)
            {
                throw new InvalidDataException($"it ends {length - (_bytes.Length - _at)} bytes early");
            }

            var span = _bytes.Slice(_at, length);
            _at += length;
            return span;
        }
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Strict.GetString(utf8);
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidDataException("it holds text that is not UTF-8", exception);
        }
    }

    /// <summary>The few emotion names a load meets, each decoded once: a thousand memories name a dozen emotions.</summary>
    internal sealed class Names
    {
        private const int Most = 64;
        private readonly List<(byte[] Utf8, string Text)> _seen = [];

        /// <summary>The name these bytes spell, decoded the first time it is met.</summary>
        /// <exception cref="InvalidDataException">The bytes are not UTF-8.</exception>
        public string Get(ReadOnlySpan<byte> utf8)
        {
            foreach (var (bytes, text) in _seen)
            {
                if (utf8.SequenceEqual(bytes))
                {
                    return text;
                }
            }

            string name = Decode(utf8);
            if (_seen.Count < Most)
            {
                _seen.Add((utf8.ToArray(), name));
            }

            return name;
        }
    }
}

/// <summary>
/// Memories a store decoded for one restore: every embedding measured to be of unit length as it was decoded, every
/// levels array held by no one else, so the agent's check need not do either again.
/// </summary>
/// <param name="capacity">How many memories are expected.</param>
internal sealed class DecodedMemories(int capacity) : List<EmotionalMemory>(capacity);
