using System.Runtime.CompilerServices;

namespace Anima.Stimuli;

/// <summary>
/// The lexicon's words in one open-addressing table, looked up by a lower-case key and its <see cref="Hash(ReadOnlySpan{char})"/>, which
/// <see cref="EnglishLexicon.Find(ReadOnlySpan{char}, ref LexiconWord, out WordForm, out LetterCase)"/> works out in the same pass that lower-cases the word.
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
    /// becomes an apostrophe), tells its letter case (<see cref="Casing(ReadOnlySpan{char})"/>, when the word fits), and
    /// returns the hash of the result. Kept out of line: inlined into the appraisal's word loop, the hash and the index
    /// lived on the stack, and storing and reloading the hash at every character doubled the loop's latency; the case
    /// counts ride along in the same pass, beside the hash's chain of multiplications.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static uint Lower(scoped ReadOnlySpan<char> word, Span<char> lower, out LetterCase casing)
    {
        uint hash = Start;
        int length = Math.Min(word.Length, lower.Length);
        int upper = 0, lowers = 0;
        for (int i = 0; i < length; i++)
        {
            // ASCII only, so the loop calls nothing and keeps its hash and counts in registers.
            char c = word[i];
            if (c >= 128)
            {
                return LowerBeyondAscii(word, lower, i, hash, upper, lowers, out casing);
            }

            c = LowerAscii(c, ref upper, ref lowers);
            lower[i] = c;
            hash = Hash(hash, c);
        }

        casing = length == word.Length ? Case(upper, lowers) : Casing(word);
        return hash;
    }

    /// <summary>Goes on with <see cref="Lower(ReadOnlySpan{char}, Span{char}, out LetterCase)"/> from the first character beyond ASCII.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint LowerBeyondAscii(scoped ReadOnlySpan<char> word, Span<char> lower, int from, uint hash, int upper, int lowers, out LetterCase casing)
    {
        int length = Math.Min(word.Length, lower.Length);
        for (int i = from; i < length; i++)
        {
            char c = word[i];
            if (c < 128)
            {
                c = LowerAscii(c, ref upper, ref lowers);
            }
            else
            {
                upper += char.IsUpper(c) ? 1 : 0;
                lowers += char.IsLower(c) ? 1 : 0;
                c = c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
            }

            lower[i] = c;
            hash = Hash(hash, c);
        }

        casing = length == word.Length ? Case(upper, lowers) : Casing(word);
        return hash;
    }

    /// <summary>Whether a word has letter case at all, and whether it is shouted (three or more letters, all capitals).</summary>
    /// <remarks>ASCII letters are told by range, as <see cref="char.IsUpper(char)"/> and <see cref="char.IsLower(char)"/> tell them.</remarks>
    public static LetterCase Casing(ReadOnlySpan<char> word)
    {
        int upper = 0, lower = 0;
        foreach (char c in word)
        {
            if (c < 128)
            {
                LowerAscii(c, ref upper, ref lower);
            }
            else
            {
                upper += char.IsUpper(c) ? 1 : 0;
                lower += char.IsLower(c) ? 1 : 0;
            }
        }

        return Case(upper, lower);
    }

    /// <summary>An ASCII character lower-cased, counted as a capital or a small letter when it is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char LowerAscii(char c, ref int upper, ref int lower)
    {
        bool capital = (uint)(c - 'A') <= 'Z' - 'A';
        upper += capital ? 1 : 0;
        lower += (uint)(c - 'a') <= 'z' - 'a' ? 1 : 0;
        return (char)(capital ? c | 0x20 : c);
    }

    private static LetterCase Case(int upper, int lower) =>
        upper + lower == 0 ? LetterCase.None : lower == 0 && upper >= 3 ? LetterCase.Cased | LetterCase.Shouted : LetterCase.Cased;

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

/// <summary>What a word's letters tell of how it was written.</summary>
[Flags]
internal enum LetterCase
{
    /// <summary>No letter of the word has case (a script without letter case, or no letters).</summary>
    None = 0,

    /// <summary>Some letter of the word is a capital or a small letter.</summary>
    Cased = 1,

    /// <summary>Three or more letters, every cased one a capital: the word is shouted ("NEVER"; not "OK" or "I").</summary>
    Shouted = 2,
}
