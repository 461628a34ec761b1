namespace Localize.Core.Memory;

/// <summary>
/// Levenshtein distance with the bit-parallel algorithm of Myers as extended to long patterns by Hyyrö (one 64-bit
/// block per 64 pattern characters, as in edlib). Why: the fuzzy lookup verifies every candidate exactly, and the
/// benchmark's ground truth compares a query with a million segments; the bit-parallel form does 64 cells per
/// instruction where the textbook table does one.
/// </summary>
public sealed class EditDistance
{
    private const ulong HighBit = 1UL << 63;

    private readonly int _length;
    private readonly int _blocks;
    private readonly ulong _lastBit;

    // Peq: for each character, the pattern positions where it occurs. Latin text stays in the array; the rest
    // (Greek letters in drug names, private-use code marks) in the dictionary.
    private readonly ulong[] _ascii;
    private readonly Dictionary<char, ulong[]> _other = [];

    /// <summary>Prepares <paramref name="pattern"/> for many comparisons (one per candidate).</summary>
    public EditDistance(string pattern)
    {
        Pattern = pattern;
        _length = pattern.Length;
        _blocks = Math.Max(1, (_length + 63) / 64);
        _lastBit = _length == 0 ? 0 : 1UL << ((_length - 1) % 64);
        _ascii = new ulong[256 * _blocks];
        for (var i = 0; i < _length; i++)
        {
            var c = pattern[i];
            var bit = 1UL << (i % 64);
            if (c < 256)
            {
                _ascii[(c * _blocks) + (i / 64)] |= bit;
            }
            else
            {
                if (!_other.TryGetValue(c, out var masks))
                {
                    masks = new ulong[_blocks];
                    _other[c] = masks;
                }

                masks[i / 64] |= bit;
            }
        }
    }

    public string Pattern { get; }

    /// <summary>The number of single-character insertions, deletions and substitutions from the pattern to <paramref name="text"/>.</summary>
    public int To(ReadOnlySpan<char> text)
    {
        if (_length == 0)
        {
            return text.Length;
        }

        if (text.Length == 0)
        {
            return _length;
        }

        Span<ulong> pv = _blocks <= 16 ? stackalloc ulong[_blocks] : new ulong[_blocks];
        Span<ulong> mv = _blocks <= 16 ? stackalloc ulong[_blocks] : new ulong[_blocks];
        pv.Fill(ulong.MaxValue);
        var score = _length;
        var last = _blocks - 1;
        foreach (var c in text)
        {
            // Row 0 of the table is 0, 1, 2 …: every column enters the top block with a +1.
            var carry = 1;
            ulong[]? masks = null;
            if (c >= 256)
            {
                _other.TryGetValue(c, out masks);
            }

            for (var b = 0; b < _blocks; b++)
            {
                var eq = c < 256 ? _ascii[(c * _blocks) + b] : masks?[b] ?? 0;
                carry = Advance(ref pv[b], ref mv[b], eq, carry, b == last ? _lastBit : HighBit);
            }

            score += carry;
        }

        return score;
    }

    /// <summary>1 − distance / longer length: 1 for equal texts, 0 for texts with nothing in common.</summary>
    public double SimilarityTo(ReadOnlySpan<char> text)
    {
        var longer = Math.Max(_length, text.Length);
        return longer == 0 ? 1 : 1 - ((double)To(text) / longer);
    }

    public static int Between(string a, string b) => new EditDistance(a).To(b);

    public static double Similarity(string a, string b) => new EditDistance(a).SimilarityTo(b);

    // One column step of one block (Hyyrö 2003). Bits only ever move upwards (shifts, carries), so reading the
    // pattern's last row from a bit below 63 is exact even though the block's upper bits are padding.
    private static int Advance(ref ulong pv, ref ulong mv, ulong eq, int carryIn, ulong outBit)
    {
        var xv = eq | mv;
        if (carryIn < 0)
        {
            eq |= 1UL;
        }

        var xh = (((eq & pv) + pv) ^ pv) | eq;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        var carryOut = (ph & outBit) != 0 ? 1 : (mh & outBit) != 0 ? -1 : 0;
        ph <<= 1;
        mh <<= 1;
        if (carryIn < 0)
        {
            mh |= 1UL;
        }
        else if (carryIn > 0)
        {
            ph |= 1UL;
        }

        pv = mh | ~(xv | ph);
        mv = ph & xv;
        return carryOut;
    }
}
