namespace Localize.Core.Memory;

/// <summary>
/// Lists of source ordinals, each ascending and stored as the gaps between neighbours in variable-length bytes (LEB128,
/// seven bits a byte). Why: a million sources make some 77 million postings; as <c>int</c>s in one array per list with
/// room to grow they cost over 300 MiB, as gaps they cost little more than a byte each, and a list stays appendable
/// (a new source has the highest ordinal, so its gap is simply written at the end).
/// Not thread-safe: <see cref="FuzzyIndex"/> holds its lock around every call.
/// </summary>
internal sealed class PostingLists
{
    // One record per list, so appending a posting touches one cache line, not four parallel arrays.
    private ListState[] _lists = new ListState[256];

    public int ListCount { get; private set; }

    public long PostingTotal { get; private set; }

    /// <summary>Bytes held: the gap bytes with their growth room, and the per-list bookkeeping.</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = 24L * _lists.Length;
            for (var list = 0; list < ListCount; list++)
            {
                bytes += 24 + _lists[list].Bytes.Length;
            }

            return bytes;
        }
    }

    public int NewList()
    {
        var list = ListCount++;
        if (list == _lists.Length)
        {
            Array.Resize(ref _lists, list * 2);
        }

        _lists[list] = new ListState { Bytes = [], Last = -1 };
        return list;
    }

    public int Count(int list) => _lists[list].Count;

    /// <summary>Appends <paramref name="ordinal"/> unless the list already ends with it (a trigram twice in one source).</summary>
    public void Append(int list, int ordinal)
    {
        ref var entry = ref _lists[list];
        if (ordinal == entry.Last)
        {
            return;
        }

        if (ordinal < entry.Last)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"Postings are appended in ascending order; the list ends with {entry.Last}.");
        }

        var used = entry.Used;
        if (used + 5 > entry.Bytes.Length)
        {
            // Half again, not double: the last growth of a large list is the memory left unused.
            Array.Resize(ref entry.Bytes, Math.Max(8, used + (used / 2) + 5));
        }

        var bytes = entry.Bytes;
        var gap = (uint)(ordinal - entry.Last);
        while (gap >= 0x80)
        {
            bytes[used++] = (byte)(gap | 0x80);
            gap >>= 7;
        }

        bytes[used++] = (byte)gap;
        entry.Used = used;
        entry.Count++;
        entry.Last = ordinal;
        PostingTotal++;
    }

    /// <summary>
    /// Adds one to <paramref name="counts"/> of every ordinal in the list, and one to <paramref name="reached"/> at the
    /// new count, so that reached[k] is the number of ordinals counted k times or more.
    /// </summary>
    public void CountInto(int list, byte[] counts, int[] reached)
    {
        var bytes = _lists[list].Bytes;
        var end = _lists[list].Used;
        var ordinal = -1;
        var at = 0;
        while (at < end)
        {
            uint next = bytes[at++];
            var gap = next & 0x7F;
            for (var shift = 7; next >= 0x80; shift += 7)
            {
                next = bytes[at++];
                gap |= (next & 0x7F) << shift;
            }

            ordinal += (int)gap;
            var count = counts[ordinal] + 1;
            counts[ordinal] = (byte)count;
            reached[count]++;
        }
    }

    private struct ListState
    {
        public byte[] Bytes;
        public int Used;
        public int Count;
        public int Last;
    }
}
