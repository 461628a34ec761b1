using System.Text;

namespace Localize.Core.Memory;

/// <summary>
/// The sources' texts by ordinal, as UTF-8 in 1 MiB slabs, with their lengths in characters beside them. Why: a million
/// short strings cost some 190 MiB as .NET strings (object header, length, two bytes a character); memory texts are
/// mostly Latin, a byte a character, and the verifier decodes only the few dozen candidates of a search. A lone
/// surrogate (not text a person wrote) comes back as U+FFFD, one character for one, so lengths and distances hold.
/// Not thread-safe: <see cref="FuzzyIndex"/> holds its lock around every call.
/// </summary>
internal sealed class Utf8TextStore
{
    private const int SlabBits = 20;
    private const int SlabSize = 1 << SlabBits;

    private readonly List<byte[]> _slabs = [];
    private int _currentSlab = -1;
    private int _currentUsed = SlabSize;
    private long[] _locations = new long[256];
    private int[] _byteLengths = new int[256];
    private int[] _charLengths = new int[256];

    public int Count { get; private set; }

    public long EstimatedBytes => _slabs.Sum(s => (long)s.Length) + (16L * _locations.Length);

    /// <summary>Stores <paramref name="text"/> and returns its ordinal.</summary>
    public int Add(string text)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        long location;
        if (byteCount > SlabSize)
        {
            // A text larger than a slab gets a slab of its own; the current slab stays open for the next ones.
            _slabs.Add(new byte[byteCount]);
            location = (long)(_slabs.Count - 1) << SlabBits;
        }
        else
        {
            if (_currentUsed + byteCount > SlabSize)
            {
                _slabs.Add(new byte[SlabSize]);
                _currentSlab = _slabs.Count - 1;
                _currentUsed = 0;
            }

            location = ((long)_currentSlab << SlabBits) | (uint)_currentUsed;
            _currentUsed += byteCount;
        }

        Encoding.UTF8.GetBytes(text, Bytes(location, byteCount));
        var ordinal = Count++;
        if (ordinal == _locations.Length)
        {
            var size = ordinal * 2;
            Array.Resize(ref _locations, size);
            Array.Resize(ref _byteLengths, size);
            Array.Resize(ref _charLengths, size);
        }

        _locations[ordinal] = location;
        _byteLengths[ordinal] = byteCount;
        _charLengths[ordinal] = text.Length;
        return ordinal;
    }

    /// <summary>The text's length in UTF-16 characters, as the edit distance counts.</summary>
    public int Length(int ordinal) => _charLengths[ordinal];

    /// <summary>The text of <paramref name="ordinal"/>, decoded into <paramref name="buffer"/> (grown when too small).</summary>
    public ReadOnlySpan<char> Decode(int ordinal, ref char[] buffer)
    {
        var length = _charLengths[ordinal];
        if (buffer.Length < length)
        {
            buffer = new char[Math.Max(length, buffer.Length * 2)];
        }

        var written = Encoding.UTF8.GetChars(Bytes(_locations[ordinal], _byteLengths[ordinal]), buffer);
        return buffer.AsSpan(0, written);
    }

    private Span<byte> Bytes(long location, int byteCount) =>
        _slabs[(int)(location >> SlabBits)].AsSpan((int)(location & (SlabSize - 1)), byteCount);
}
