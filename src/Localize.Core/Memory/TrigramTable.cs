namespace Localize.Core.Memory;

/// <summary>
/// Dense ids for the character trigrams of texts, lower-cased and padded with a space at both ends as pg_trgm pads
/// words, so short texts still have trigrams. Trigrams of ASCII characters (nearly all of English) are found by direct
/// address in a 2 M-entry table, the rest through a dictionary: the table is what lets a million sources index in
/// seconds. Not thread-safe for <see cref="FindOrAdd"/>: <see cref="FuzzyIndex"/> holds its lock.
/// </summary>
internal sealed class TrigramTable
{
    private readonly int[] _ascii = new int[1 << 21];
    private readonly Dictionary<ulong, int> _other = [];

    public int Count { get; private set; }

    public long EstimatedBytes => (4L * _ascii.Length) + (24L * _other.Count);

    /// <summary>
    /// The trigram ids of <paramref name="text"/> in order, repeats included; unknown trigrams are left out unless
    /// <paramref name="create"/>.
    /// </summary>
    public void Collect(string text, bool create, List<int> into)
    {
        into.Clear();
        var previous2 = (int)' ';
        var previous1 = (int)char.ToLowerInvariant(text.Length > 0 ? text[0] : ' ');
        for (var i = 1; i <= text.Length; i++)
        {
            var current = (int)(i < text.Length ? char.ToLowerInvariant(text[i]) : ' ');
            var id = create ? FindOrAdd(previous2, previous1, current) : Find(previous2, previous1, current);
            previous2 = previous1;
            previous1 = current;
            if (id >= 0)
            {
                into.Add(id);
            }
        }
    }

    private int Find(int c0, int c1, int c2)
    {
        if ((c0 | c1 | c2) < 128)
        {
            return _ascii[(c0 << 14) | (c1 << 7) | c2] - 1;
        }

        return _other.TryGetValue(Key(c0, c1, c2), out var id) ? id : -1;
    }

    private int FindOrAdd(int c0, int c1, int c2)
    {
        if ((c0 | c1 | c2) < 128)
        {
            ref var slot = ref _ascii[(c0 << 14) | (c1 << 7) | c2];
            if (slot == 0)
            {
                slot = ++Count;
            }

            return slot - 1;
        }

        var key = Key(c0, c1, c2);
        if (!_other.TryGetValue(key, out var id))
        {
            id = Count++;
            _other[key] = id;
        }

        return id;
    }

    private static ulong Key(int c0, int c1, int c2) => ((ulong)(uint)c0 << 32) | ((ulong)(uint)c1 << 16) | (uint)c2;
}
