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
