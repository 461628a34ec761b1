using System.Collections.Concurrent;
using System.Numerics;

namespace Localize.Core.Memory;

/// <summary>
/// Finds the memory sources most similar to a query, as <see cref="EditDistance"/> similarity, without comparing the
/// query with every source. An inverted index from character trigrams (<see cref="TrigramTable"/>) to the sources that
/// contain them gives candidates; each trigram's postings are split by the source's <see cref="LengthClass"/>, so a
/// search reads only sources whose length the minimum similarity allows. The query's rarest trigrams are counted
/// first, frequent ones only while a postings budget lasts (a trigram in half of all sources says little about any of
/// them); the sources that share the most counted trigrams are then verified exactly. The similarity of every hit is
/// exact; what the budget trades is recall, which the benchmark measures against <see cref="SearchExhaustive"/>.
/// Sources are stored compactly (<see cref="Utf8TextStore"/>, <see cref="PostingLists"/>) and can be added at any
/// time, as reviewers approve translations. Thread-safe: any number of searches run beside one writer.
/// </summary>
public sealed class FuzzyIndex
{
    public const double DefaultMinimum = 0.75;
    public const int DefaultLimit = 5;

    /// <summary>Postings counted per search once the rarest trigrams are in: bounds the work on a large memory.</summary>
    public int PostingsBudget { get; init; } = 400_000;

    /// <summary>The rarest trigrams always counted, whatever their postings cost.</summary>
    public int MinimumGrams { get; init; } = 12;

    /// <summary>Candidates verified exactly per search.</summary>
    public int Candidates { get; init; } = 48;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Utf8TextStore _texts = new();
    private readonly TrigramTable _trigrams = new();
    private readonly PostingLists _postings = new();
    private long[] _keys = new long[256];

    // Per trigram id, the posting list of each length class (list id + 1; 0 while the class has no source).
    private int[]?[] _listsByGram = new int[]?[256];
    private readonly List<int> _addedGrams = [];

    // Counting arrays as large as the index, kept between searches (zeroed) instead of allocated per search.
    private readonly ConcurrentBag<Scratch> _scratch = [];

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _texts.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Approximate managed memory of the index: texts, keys, trigram table and postings (the benchmark states it).</summary>
    public long EstimatedBytes
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                var byGram = 8L * _listsByGram.Length;
                foreach (var lists in _listsByGram)
                {
                    byGram += lists is null ? 0 : 24 + (4L * lists.Length);
                }

                return _texts.EstimatedBytes + (8L * _keys.Length) + _trigrams.EstimatedBytes + _postings.EstimatedBytes + byGram;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public long PostingTotal
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _postings.PostingTotal;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Distinct trigrams indexed.</summary>
    public int GramCount
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _trigrams.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds one source (in <see cref="MatchText"/> form) under the caller's key; later searches find it.</summary>
    public void Add(long key, string matchText)
    {
        _lock.EnterWriteLock();
        try
        {
            var ordinal = _texts.Add(matchText);
            if (ordinal == _keys.Length)
            {
                Array.Resize(ref _keys, ordinal * 2);
            }

            _keys[ordinal] = key;
            var lengthClass = LengthClass.Of(matchText.Length);
            _trigrams.Collect(matchText, create: true, _addedGrams);
            foreach (var gram in _addedGrams)
            {
                _postings.Append(ListOf(gram, lengthClass), ordinal);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private int ListOf(int gram, int lengthClass)
    {
        if (gram >= _listsByGram.Length)
        {
            Array.Resize(ref _listsByGram, Math.Max(gram + 1, _listsByGram.Length * 2));
        }

        var lists = _listsByGram[gram] ??= new int[LengthClass.Count];
        if (lists[lengthClass] == 0)
        {
            lists[lengthClass] = _postings.NewList() + 1;
        }

        return lists[lengthClass] - 1;
    }

    /// <summary>The best sources at or above <paramref name="minimum"/>, most similar first.</summary>
    public IReadOnlyList<FuzzyHit> Search(string matchText, int limit = DefaultLimit, double minimum = DefaultMinimum)
    {
        if (!_scratch.TryTake(out var scratch))
        {
            scratch = new Scratch();
        }

        IReadOnlyList<FuzzyHit> hits;
        _lock.EnterReadLock();
        try
        {
            if (_texts.Count == 0)
            {
                return [];
            }

            scratch.Ensure(_texts.Count);
            var (firstClass, lastClass) = LengthClass.Allowed(matchText.Length, minimum);
            var used = RankGrams(matchText, firstClass, lastClass, scratch);
            var counts = scratch.Counts;
            var reached = scratch.Reached;
            long spent = 0;
            var gramsCounted = 0;
            foreach (var (gram, postings) in used)
            {
                // A count is a byte (half the cache a million counts take as ushorts): 255 trigrams at most, the rarest
                // of a query longer than any sentence.
                if ((gramsCounted >= MinimumGrams && spent + postings > PostingsBudget) || gramsCounted == byte.MaxValue)
                {
                    break;
                }

                spent += postings;
                gramsCounted++;
                var lists = _listsByGram[gram]!;
                for (var c = firstClass; c <= lastClass; c++)
                {
                    if (lists[c] > 0)
                    {
                        _postings.CountInto(lists[c] - 1, counts, reached);
                    }
                }
            }

            var candidates = SelectCandidates(matchText.Length, minimum, scratch);
            Array.Clear(counts, 0, _texts.Count);
            Array.Clear(reached);
            hits = Verify(matchText, candidates, limit, minimum, ref scratch.Text);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        // Only a search that finished hands its arrays back: their counts are zero again.
        _scratch.Add(scratch);
        return hits;
    }

    /// <summary>The query's distinct trigrams with their postings in the allowed length classes, rarest first.</summary>
    private List<(int Gram, int Postings)> RankGrams(string matchText, int firstClass, int lastClass, Scratch scratch)
    {
        var grams = scratch.Grams;
        _trigrams.Collect(matchText, create: false, grams);
        grams.Sort();
        var used = scratch.Used;
        used.Clear();
        for (var i = 0; i < grams.Count; i++)
        {
            if (i > 0 && grams[i] == grams[i - 1])
            {
                continue;
            }

            var lists = _listsByGram[grams[i]];
            var postings = 0;
            for (var c = firstClass; lists is not null && c <= lastClass; c++)
            {
                postings += lists[c] > 0 ? _postings.Count(lists[c] - 1) : 0;
            }

            if (postings > 0)
            {
                used.Add((grams[i], postings));
            }
        }

        used.Sort((a, b) => a.Postings.CompareTo(b.Postings));
        return used;
    }

    /// <summary>Compares the query with every source: the ground truth the benchmark and the tests measure recall against.</summary>
    public IReadOnlyList<FuzzyHit> SearchExhaustive(string matchText, int limit = DefaultLimit, double minimum = DefaultMinimum)
    {
        _lock.EnterReadLock();
        try
        {
            var buffer = Array.Empty<char>();
            return Verify(matchText, Enumerable.Range(0, _texts.Count), limit, minimum, ref buffer);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The sources with the highest counts, at least <see cref="Candidates"/> of them when that many were counted. The
    /// cut comes from <paramref name="scratch"/>'s Reached (sources counted k times or more), kept while counting, and
    /// the counts are scanned a vector at a time: cheaper than listing every source touched, which at a million
    /// sources is a quarter of them. Only sources of the allowed length classes were counted; the exact length test
    /// waits for those above the cut.
    /// </summary>
    private List<int> SelectCandidates(int queryLength, double minimum, Scratch scratch)
    {
        var reached = scratch.Reached;
        var cut = byte.MaxValue;
        while (cut > 1 && reached[cut] < Candidates)
        {
            cut--;
        }

        // Fewer than Candidates sources are above the cut; those at it are taken up to a cap, in ordinal order.
        var atCutCap = Candidates * 4;
        var atCut = 0;
        var result = new List<int>(Candidates * 2);
        var counts = scratch.Counts.AsSpan(0, _texts.Count);
        var threshold = new Vector<byte>(cut);
        var width = Vector<byte>.Count;
        for (var start = 0; start < counts.Length; start += width)
        {
            var end = Math.Min(start + width, counts.Length);
            if (end - start == width && !Vector.GreaterThanOrEqualAny(new Vector<byte>(counts[start..end]), threshold))
            {
                continue;
            }

            for (var doc = start; doc < end; doc++)
            {
                var count = counts[doc];
                if (count < cut || (count == cut && atCut == atCutCap) || !LengthAllows(queryLength, _texts.Length(doc), minimum))
                {
                    continue;
                }

                atCut += count == cut ? 1 : 0;
                result.Add(doc);
            }
        }

        return result;
    }

    private List<FuzzyHit> Verify(string matchText, IEnumerable<int> docs, int limit, double minimum, ref char[] buffer)
    {
        var distance = new EditDistance(matchText);
        var best = new List<FuzzyHit>(limit + 1);
        var floor = minimum;
        foreach (var doc in docs)
        {
            if (!LengthAllows(matchText.Length, _texts.Length(doc), floor))
            {
                continue;
            }

            var similarity = distance.SimilarityTo(_texts.Decode(doc, ref buffer));
            if (similarity < floor)
            {
                continue;
            }

            var hit = new FuzzyHit(_keys[doc], similarity);
            var at = best.FindIndex(h => h.Similarity < similarity || (h.Similarity == similarity && h.Key > hit.Key));
            best.Insert(at < 0 ? best.Count : at, hit);
            if (best.Count > limit)
            {
                best.RemoveAt(limit);
            }

            if (best.Count == limit)
            {
                // Once the list is full, only a better source can enter: raise the bar the length filter uses.
                floor = Math.Max(floor, best[^1].Similarity);
            }
        }

        return best;
    }

    /// <summary>Edit distance is at least the length difference, so similarity is at most 1 − difference / longer.</summary>
    private static bool LengthAllows(int a, int b, double minimum)
    {
        var longer = Math.Max(a, b);
        return longer == 0 || Math.Abs(a - b) <= (1 - minimum) * longer + 1e-9;
    }

    private sealed class Scratch
    {
        public byte[] Counts { get; private set; } = [];

        /// <summary>Reached[k]: the sources counted k times or more in this search.</summary>
        public int[] Reached { get; } = new int[byte.MaxValue + 1];

        public List<int> Grams { get; } = [];

        public List<(int Gram, int Postings)> Used { get; } = [];

        public char[] Text = [];

        public void Ensure(int size)
        {
            if (Counts.Length < size)
            {
                Counts = new byte[Math.Max(size, Counts.Length * 2)];
            }
        }
    }
}

/// <param name="Key">The caller's key of the source (the memory unit id).</param>
/// <param name="Similarity">Exact <see cref="EditDistance"/> similarity, 0–1.</param>
public readonly record struct FuzzyHit(long Key, double Similarity);
