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
    private byte[][] _bytes = new byte[256][];
    private int[] _used = new int[256];
    private int[] _counts = new int[256];
    private int[] _last = new int[256];

    public int ListCount { get; private set; }

    public long PostingTotal { get; private set; }

    /// <summary>Bytes held: the gap bytes with their growth room, and the per-list bookkeeping.</summary>
    public long EstimatedBytes
    {
        get
        {
            long bytes = (8L + 4 + 4 + 4) * _bytes.Length;
            for (var list = 0; list < ListCount; list++)
            {
                bytes += 24 + _bytes[list].Length;
            }

            return bytes;
        }
    }

    public int NewList()
    {
        var list = ListCount++;
        if (list == _bytes.Length)
        {
            var size = list * 2;
            Array.Resize(ref _bytes, size);
            Array.Resize(ref _used, size);
            Array.Resize(ref _counts, size);
            Array.Resize(ref _last, size);
        }

        _bytes[list] = [];
        _last[list] = -1;
        return list;
    }

    public int Count(int list) => _counts[list];

    /// <summary>Appends <paramref name="ordinal"/> unless the list already ends with it (a trigram twice in one source).</summary>
    public void Append(int list, int ordinal)
    {
        var last = _last[list];
        if (ordinal == last)
        {
            return;
        }

        if (ordinal < last)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"Postings are appended in ascending order; the list ends with {last}.");
        }

        var bytes = _bytes[list];
        var used = _used[list];
        if (used + 5 > bytes.Length)
        {
            // Half again, not double: the last growth of a large list is the memory left unused.
            Array.Resize(ref bytes, Math.Max(8, used + (used / 2) + 5));
            _bytes[list] = bytes;
        }

        var gap = (uint)(ordinal - last);
        while (gap >= 0x80)
        {
            bytes[used++] = (byte)(gap | 0x80);
            gap >>= 7;
        }

        bytes[used++] = (byte)gap;
        _used[list] = used;
        _counts[list]++;
        _last[list] = ordinal;
        PostingTotal++;
    }

    /// <summary>
    /// Adds one to <paramref name="counts"/> of every ordinal in the list, and one to <paramref name="reached"/> at the
    /// new count, so that reached[k] is the number of ordinals counted k times or more.
    /// </summary>
    public void CountInto(int list, byte[] counts, int[] reached)
    {
        var bytes = _bytes[list];
        var end = _used[list];
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
}
