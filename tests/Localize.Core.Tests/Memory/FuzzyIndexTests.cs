using Localize.Core.Memory;

namespace Localize.Core.Tests.Memory;

/// <summary>The fuzzy lookup: exact edit distances, and the index finds what an exhaustive comparison finds.</summary>
public sealed class FuzzyIndexTests
{
    public static TheoryData<string, string, int> Distances => new()
    {
        { "", "", 0 },
        { "", "abc", 3 },
        { "abc", "", 3 },
        { "kitten", "sitting", 3 },
        { "flaw", "lawn", 2 },
        { "take 2 tablets", "take 3 tablets", 1 },
        { "do not drive", "do drive", 4 },
        { new string('a', 64), new string('a', 65), 1 },
        { new string('a', 70) + "b", new string('a', 70) + "c", 1 },
        { new string('x', 200), new string('y', 150), 200 },
        { "Ketamine αβ", "Ketamine αγ", 1 },
    };

    [Theory]
    [MemberData(nameof(Distances))]
    public void Edit_distance(string a, string b, int expected) => Assert.Equal(expected, EditDistance.Between(a, b));

    [Fact]
    public void Bit_parallel_distance_equals_the_textbook_table_on_random_texts()
    {
        var random = new Random(6);
        for (var n = 0; n < 500; n++)
        {
            var a = RandomText(random, random.Next(0, 200));
            var b = random.Next(3) == 0 ? Mutate(random, a) : RandomText(random, random.Next(0, 200));
            Assert.Equal(Textbook(a, b), EditDistance.Between(a, b));
        }
    }

    [Fact]
    public void The_index_finds_the_exhaustive_top_five_on_a_small_memory()
    {
        var random = new Random(7);
        var words = Enumerable.Range(0, 400).Select(_ => RandomText(random, random.Next(2, 9), "abcdefghijklmnopqrstuvwxyz")).ToArray();
        var index = new FuzzyIndex();
        var sources = new List<string>();
        for (var i = 0; i < 5000; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(5, 15)).Select(_ => words[random.Next(words.Length)])) + ".";
            sources.Add(text);
            index.Add(i, text);
        }

        int found = 0, expected = 0;
        for (var q = 0; q < 100; q++)
        {
            var query = sources[random.Next(sources.Count)].Split(' ');
            query[random.Next(query.Length)] = words[random.Next(words.Length)];
            var text = string.Join(' ', query);
            var truth = index.SearchExhaustive(text).Select(h => h.Key).ToHashSet();
            var hits = index.Search(text);
            Assert.All(hits, h => Assert.True(h.Similarity >= 0.75));
            expected += truth.Count;
            found += hits.Count(h => truth.Contains(h.Key));
        }

        Assert.True(found >= 0.95 * expected, $"recall {found}/{expected}");
    }

    [Fact]
    public void Nothing_below_the_minimum_is_returned()
    {
        var index = new FuzzyIndex();
        index.Add(1, "Rest in a dark room.");
        index.Add(2, "Drink plenty of water.");

        var hits = index.Search("Rest in a dark room!");

        Assert.Equal(1, Assert.Single(hits).Key);
    }

    [Fact]
    public void A_source_added_after_searches_is_found_by_the_next_search()
    {
        // The memory adds units as reviewers approve them, between lookups of a warm index.
        var index = new FuzzyIndex();
        for (var i = 0; i < 2000; i++)
        {
            index.Add(i, $"Take tablet number {i} with a glass of water after breakfast.");
        }

        Assert.DoesNotContain(index.Search("Store the inhaler below 25 °C and away from sunlight."), h => h.Key == 9999);

        index.Add(9999, "Store the inhaler below 25 °C and away from direct sunlight.");

        var hit = Assert.Single(index.Search("Store the inhaler below 25 °C and away from sunlight."));
        Assert.Equal(9999, hit.Key);
        Assert.Equal(EditDistance.Similarity("Store the inhaler below 25 °C and away from sunlight.", "Store the inhaler below 25 °C and away from direct sunlight."), hit.Similarity);
        Assert.Equal(2001, index.Count);
    }

    public static TheoryData<string> Scripts => new()
    {
        "Ketamin-Dosis: 0,5 mg/kg — nicht überschreiten.",
        "Не превышайте дозу 0,5 мг/кг.",
        "请勿超过每公斤0.5毫克的剂量。",
        "لا تتجاوز الجرعة 0.5 ملغ/كغ.",
        "Take \uE0010.5 mg/kg\uE002 \uE003 at most 🙂.",
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void A_source_in_any_script_is_found_with_its_exact_similarity(string source)
    {
        var index = new FuzzyIndex();
        index.Add(1, "Drink plenty of water.");
        index.Add(2, source);
        index.Add(3, "Rest in a dark room.");
        var query = source[..^1] + "!";

        var hit = Assert.Single(index.Search(query));

        Assert.Equal(2, hit.Key);
        Assert.Equal(EditDistance.Similarity(query, source), hit.Similarity);
        Assert.Equal(1.0, Assert.Single(index.Search(source)).Similarity);
    }

    [Theory]
    [InlineData(0.75)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Every_source_whose_length_allows_the_minimum_is_found_and_no_other(double minimum)
    {
        // Sources of every length from 1 to 60 characters sharing the query's start: the ones the minimum allows are
        // exactly those within the length band, whose bounds fall in different length classes for each minimum.
        const string query = "abcdefghijklmnopqrst";
        const string letters = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var index = new FuzzyIndex();
        for (var length = 1; length <= 60; length++)
        {
            index.Add(length, letters[..length]);
        }

        var expected = index.SearchExhaustive(query, limit: 100, minimum);
        var hits = index.Search(query, limit: 100, minimum);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, hits);
    }

    [Fact]
    public void A_source_longer_than_a_storage_slab_leaves_the_sources_around_it_intact()
    {
        var index = new FuzzyIndex();
        index.Add(1, "Drink plenty of water.");
        index.Add(2, string.Concat(Enumerable.Repeat("Ketamine is a medicine used for anaesthesia. ", 30_000)));
        index.Add(3, "Rest in a dark room.");

        Assert.Equal(1, Assert.Single(index.Search("Drink plenty of water.")).Key);
        Assert.Equal(3, Assert.Single(index.Search("Rest in a dark room.")).Key);
    }

    private static string RandomText(Random random, int length, string alphabet = "abcde fgh.αβ\uE001") =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    private static string Mutate(Random random, string text)
    {
        var chars = text.ToList();
        for (var k = random.Next(1, 6); k > 0; k--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0: chars.Insert(at, 'z'); break;
                case 1 when at < chars.Count: chars.RemoveAt(at); break;
                default: if (at < chars.Count) { chars[at] = 'q'; } break;
            }
        }

        return new string([.. chars]);
    }

    private static int Textbook(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
