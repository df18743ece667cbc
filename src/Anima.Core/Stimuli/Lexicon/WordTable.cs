using System.Runtime.CompilerServices;

namespace Anima.Stimuli;

/// <summary>
/// The lexicon's words in one open-addressing table, looked up by a lower-case key and its <see cref="Hash(ReadOnlySpan{char})"/>, which
/// <see cref="EnglishLexicon.Find(ReadOnlySpan{char}, ref LexiconWord, out WordForm)"/> works out in the same pass that lower-cases the word.
/// </summary>
/// <remarks>
/// A frozen dictionary costs about 15 ns a lookup here and the invariant lower-casing of a span as much again; a word of a
/// message is looked up at least once and often three or four times (its stems), so both are done by hand: ASCII is
/// lower-cased and hashed (FNV-1a over the UTF-16 code units) in one loop, and the table, at most a third full, is probed
/// linearly with each slot's full hash compared before its key. Built once, never written after: safe on any thread.
/// </remarks>
internal sealed class WordTable
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    private readonly string[] _keys;
    private readonly LexiconWord[] _entries;
    private readonly uint[] _hashes;

    /// <summary>Each slot's entry index plus one; zero is an empty slot.</summary>
    private readonly int[] _slots;
    private readonly int _mask;

    /// <summary>Builds the table from lower-case keys, each once.</summary>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public WordTable(IReadOnlyCollection<KeyValuePair<string, LexiconWord>> words)
    {
        int capacity = 16;
        while (capacity < words.Count * 3)
        {
            capacity <<= 1;
        }

        _mask = capacity - 1;
        _slots = new int[capacity];
        _keys = new string[words.Count];
        _entries = new LexiconWord[words.Count];
        _hashes = new uint[words.Count];
        int n = 0;
        foreach (var (key, entry) in words)
        {
            uint hash = Hash(key);
            if (IndexOf(key, hash) >= 0)
            {
                throw new ArgumentException($"The word '{key}' is in the table twice.", nameof(words));
            }

            (_keys[n], _entries[n], _hashes[n]) = (key, entry, hash);
            int slot = (int)hash & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = ++n;
        }
    }

    /// <summary>Gets every entry of the table.</summary>
    public ReadOnlySpan<LexiconWord> Entries => _entries;

    /// <summary>Extends a hash by one code unit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(uint hash, char c) => (hash ^ c) * Prime;

    /// <summary>The hash a key starts from.</summary>
    public static uint Start => OffsetBasis;

    /// <summary>The hash of a key.</summary>
    public static uint Hash(ReadOnlySpan<char> key)
    {
        uint hash = OffsetBasis;
        foreach (char c in key)
        {
            hash = Hash(hash, c);
        }

        return hash;
    }

    /// <summary>
    /// Lower-cases <paramref name="word"/> into <paramref name="lower"/> (as far as it reaches; a closing quotation mark
    /// becomes an apostrophe) and returns the hash of the result. Kept out of line: inlined into the appraisal's word
    /// loop, the hash and the index lived on the stack, and storing and reloading the hash at every character doubled
    /// the loop's latency.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static uint Lower(scoped ReadOnlySpan<char> word, Span<char> lower)
    {
        uint hash = Start;
        int length = Math.Min(word.Length, lower.Length);
        for (int i = 0; i < length; i++)
        {
            char c = word[i];
            c = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
            lower[i] = c;
            hash = Hash(hash, c);
        }

        return hash;
    }

    /// <summary>Gets the entry at an index that <see cref="IndexOf(ReadOnlySpan{char})"/> returned.</summary>
    public ref readonly LexiconWord this[int index] => ref _entries[index];

    /// <summary>The index of a lower-case key's entry, or −1.</summary>
    public int IndexOf(ReadOnlySpan<char> key) => IndexOf(key, Hash(key));

    /// <summary>The index of a lower-case key's entry, or −1, when its <see cref="Hash(ReadOnlySpan{char})"/> is known.</summary>
    public int IndexOf(ReadOnlySpan<char> key, uint hash)
    {
        int slot = (int)hash & _mask;
        while (true)
        {
            int index = _slots[slot] - 1;
            if (index < 0 || (_hashes[index] == hash && key.SequenceEqual(_keys[index])))
            {
                return index;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The index of the entry of <paramref name="stem"/> followed by <paramref name="last"/>, or −1; <paramref name="hash"/> is the whole key's.</summary>
    public int IndexOf(ReadOnlySpan<char> stem, uint hash, char last)
    {
        int slot = (int)hash & _mask;
        while (true)
        {
            int index = _slots[slot] - 1;
            if (index < 0)
            {
                return -1;
            }

            string key = _keys[index];
            if (_hashes[index] == hash && key.Length == stem.Length + 1 && key[^1] == last && stem.SequenceEqual(key.AsSpan(0, stem.Length)))
            {
                return index;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
