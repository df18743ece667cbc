using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Anima.Storage;

/// <summary>
/// The checksums <see cref="SqliteAnimaStore"/> keeps beside what it saves (XXH3, 64 bits), over every column of a
/// row and its key, so a row damaged in any part — or one moved under another key — is refused on load.
/// </summary>
internal static class StoreChecksum
{
    /// <summary>What spreads block numbers over the seed space: 2⁶⁴ divided by the golden ratio (0x9E3779B97F4A7C15), as hash tables use.</summary>
    private const long BlockStride = unchecked((long)0x9E3779B97F4A7C15UL);

    /// <summary>The checksum of an agent's row.</summary>
    public static long Agent(string id, long documentVersion, string savedAt, ReadOnlySpan<byte> state, ReadOnlySpan<byte> memoryEpoch, long memoryCount, long memoryLastId)
    {
        var hash = new XxHash3();
        Text(hash, id);
        Number(hash, documentVersion);
        Text(hash, savedAt);
        Bytes(hash, state);
        Bytes(hash, memoryEpoch);
        Number(hash, memoryCount);
        Number(hash, memoryLastId);
        return unchecked((long)hash.GetCurrentHashAsUInt64());
    }

    /// <summary>The checksum of an agent's id alone, which lets a scan tell a damaged id from one never saved.</summary>
    public static long Id(string id) => unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan())));

    /// <summary>The checksum of one block of memories: its bytes hashed in one pass, seeded by its key.</summary>
    public static long Block(string agentId, long block, ReadOnlySpan<byte> data)
    {
        long seed = unchecked(Id(agentId) + (block * BlockStride));
        return unchecked((long)XxHash3.HashToUInt64(data, seed));
    }

    private static void Text(XxHash3 hash, string text) => Bytes(hash, MemoryMarshal.AsBytes(text.AsSpan()));

    private static void Bytes(XxHash3 hash, ReadOnlySpan<byte> bytes)
    {
        Number(hash, bytes.Length);
        hash.Append(bytes);
    }

    private static void Number(XxHash3 hash, long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.Append(bytes);
    }
}
