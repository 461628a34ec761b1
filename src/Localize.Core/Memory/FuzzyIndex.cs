namespace Localize.Core.Memory;

/// <summary>
/// Finds the memory sources most similar to a query, as <see cref="EditDistance"/> similarity, without comparing the
/// query with every source. An inverted index from character trigrams (lower-cased, padded with a space) to the
/// sources that contain them gives candidates: the query's rarest trigrams are counted first, frequent ones only while
/// a postings budget lasts (a trigram in half of all sources says little about any of them); the sources that share
/// the most counted trigrams, within the length band the minimum similarity allows, are then verified exactly. The
/// similarity of every hit is exact; what the budget trades is recall, which the benchmark measures against
/// <see cref="SearchExhaustive"/>.
/// Thread-safe: any number of searches run beside one writer.
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
    private readonly List<string> _texts = [];
    private readonly List<long> _keys = [];

    // Lengths beside the texts: the candidate filter reads one per touched source, and chasing a million string
    // objects for it costs more than all the counting.
    private readonly List<int> _lengths = [];
    private readonly Dictionary<ulong, int> _gramIds = [];
    private readonly int[] _asciiGramIds = new int[1 << 21];
    private int _gramCount;
    private int[][] _postings = new int[1024][];
    private int[] _postingCounts = new int[1024];
    private long _postingTotal;
    private readonly ThreadLocal<Scratch> _scratch = new(() => new Scratch());

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

    /// <summary>Approximate managed memory of the index: texts, keys and postings (the benchmark states it).</summary>
    public long EstimatedBytes
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                long texts = 0;
                foreach (var text in _texts)
                {
                    texts += 22 + (2L * text.Length) + 8;
                }

                long postings = 4L * _asciiGramIds.Length;
                for (var g = 0; g < _gramCount; g++)
                {
                    postings += 24 + (4L * _postings[g].Length);
                }

                return texts + (12L * _keys.Count) + postings + (_gramIds.Count * 24L) + (8L * _postings.Length);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public long PostingTotal => Interlocked.Read(ref _postingTotal);

    /// <summary>Distinct trigrams indexed.</summary>
    public int GramCount => _gramCount;

    /// <summary>Adds one source (in <see cref="MatchText"/> form) under the caller's key.</summary>
    public void Add(long key, string matchText)
    {
        _lock.EnterWriteLock();
        try
        {
            var doc = _texts.Count;
            _texts.Add(matchText);
            _keys.Add(key);
            _lengths.Add(matchText.Length);

            // Padded with a space at both ends, as pg_trgm pads words, so short texts still have trigrams.
            var previous2 = (int)' ';
            var previous1 = (int)char.ToLowerInvariant(matchText.Length > 0 ? matchText[0] : ' ');
            for (var i = 1; i <= matchText.Length; i++)
            {
                var current = (int)(i < matchText.Length ? char.ToLowerInvariant(matchText[i]) : ' ');
                var id = GramId(previous2, previous1, current, create: true);
                previous2 = previous1;
                previous1 = current;
                var list = _postings[id];
                var count = _postingCounts[id];

                // Sources are added in order, so a trigram seen twice in this source has this source last already.
                if (count > 0 && list[count - 1] == doc)
                {
                    continue;
                }

                if (count == list.Length)
                {
                    Array.Resize(ref list, count + Math.Max(4, count / 2));
                    _postings[id] = list;
                }

                list[count] = doc;
                _postingCounts[id] = count + 1;
                _postingTotal++;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The id of a trigram. Trigrams of ASCII characters (nearly all of English) are found by direct address in a
    /// 2 M-entry table, the rest through a dictionary: the table is what lets a million sources index in seconds.
    /// Returns -1 for an unknown trigram when <paramref name="create"/> is false.
    /// </summary>
    private int GramId(int c0, int c1, int c2, bool create)
    {
        if ((c0 | c1 | c2) < 128)
        {
            var slot = (c0 << 14) | (c1 << 7) | c2;
            var known = _asciiGramIds[slot] - 1;
            if (known >= 0 || !create)
            {
                return known;
            }

            var created = NewGram();
            _asciiGramIds[slot] = created + 1;
            return created;
        }

        var key = ((ulong)(uint)c0 << 32) | ((ulong)(uint)c1 << 16) | (uint)c2;
        if (_gramIds.TryGetValue(key, out var id))
        {
            return id;
        }

        if (!create)
        {
            return -1;
        }

        id = NewGram();
        _gramIds[key] = id;
        return id;
    }

    private int NewGram()
    {
        var id = _gramCount++;
        if (id == _postings.Length)
        {
            Array.Resize(ref _postings, id * 2);
            Array.Resize(ref _postingCounts, id * 2);
        }

        _postings[id] = new int[4];
        return id;
    }

    /// <summary>The best sources at or above <paramref name="minimum"/>, most similar first.</summary>
    public IReadOnlyList<FuzzyHit> Search(string matchText, int limit = DefaultLimit, double minimum = DefaultMinimum)
    {
        var scratch = _scratch.Value!;
        _lock.EnterReadLock();
        try
        {
            var count = _texts.Count;
            if (count == 0)
            {
                return [];
            }

            scratch.Ensure(count);
            var seen = new HashSet<int>();
            var used = new List<(int Id, int Df)>(matchText.Length);
            var previous2 = (int)' ';
            var previous1 = (int)char.ToLowerInvariant(matchText.Length > 0 ? matchText[0] : ' ');
            for (var i = 1; i <= matchText.Length; i++)
            {
                var current = (int)(i < matchText.Length ? char.ToLowerInvariant(matchText[i]) : ' ');
                var id = GramId(previous2, previous1, current, create: false);
                previous2 = previous1;
                previous1 = current;
                if (id >= 0 && seen.Add(id))
                {
                    used.Add((id, _postingCounts[id]));
                }
            }

            used.Sort((a, b) => a.Df.CompareTo(b.Df));
            var counts = scratch.Counts;
            var touched = scratch.Touched;
            touched.Clear();
            long spent = 0;
            var gramsCounted = 0;
            foreach (var (id, df) in used)
            {
                if (gramsCounted >= MinimumGrams && spent + df > PostingsBudget)
                {
                    break;
                }

                spent += df;
                gramsCounted++;
                var list = _postings[id];
                for (var k = 0; k < df; k++)
                {
                    var doc = list[k];
                    if (counts[doc]++ == 0)
                    {
                        touched.Add(doc);
                    }
                }
            }

            var candidates = SelectCandidates(matchText.Length, minimum, counts, touched, scratch);
            foreach (var doc in touched)
            {
                counts[doc] = 0;
            }

            return Verify(matchText, candidates, limit, minimum);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Compares the query with every source: the ground truth the benchmark and the tests measure recall against.</summary>
    public IReadOnlyList<FuzzyHit> SearchExhaustive(string matchText, int limit = DefaultLimit, double minimum = DefaultMinimum)
    {
        _lock.EnterReadLock();
        try
        {
            return Verify(matchText, Enumerable.Range(0, _texts.Count), limit, minimum);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private List<int> SelectCandidates(int queryLength, double minimum, ushort[] counts, List<int> touched, Scratch scratch)
    {
        // Keep the sources with the highest counts: a histogram of counts finds the cut without sorting them all.
        var histogram = scratch.Histogram;
        Array.Clear(histogram);
        foreach (var doc in touched)
        {
            if (LengthAllows(queryLength, _lengths[doc], minimum))
            {
                histogram[Math.Min(counts[doc], histogram.Length - 1)]++;
            }
        }

        var cut = histogram.Length - 1;
        var kept = histogram[cut];
        while (cut > 1 && kept < Candidates)
        {
            cut--;
            kept += histogram[cut];
        }

        var result = new List<int>(Math.Min(kept, Candidates * 4));
        foreach (var doc in touched)
        {
            if (counts[doc] >= cut && LengthAllows(queryLength, _lengths[doc], minimum))
            {
                result.Add(doc);
                if (result.Count == Candidates * 4)
                {
                    break;
                }
            }
        }

        return result;
    }

    private List<FuzzyHit> Verify(string matchText, IEnumerable<int> docs, int limit, double minimum)
    {
        var distance = new EditDistance(matchText);
        var best = new List<FuzzyHit>(limit + 1);
        var floor = minimum;
        foreach (var doc in docs)
        {
            if (!LengthAllows(matchText.Length, _lengths[doc], floor))
            {
                continue;
            }

            var similarity = distance.SimilarityTo(_texts[doc]);
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
        public ushort[] Counts { get; private set; } = [];

        public List<int> Touched { get; } = [];

        public int[] Histogram { get; } = new int[1024];

        public void Ensure(int size)
        {
            if (Counts.Length < size)
            {
                Counts = new ushort[Math.Max(size, Counts.Length * 2)];
            }
        }
    }
}

/// <param name="Key">The caller's key of the source (the memory unit id).</param>
/// <param name="Similarity">Exact <see cref="EditDistance"/> similarity, 0–1.</param>
public readonly record struct FuzzyHit(long Key, double Similarity);
