using Localize.Core.Readability;

namespace Localize.Core.Tests.Readability;

public sealed class SyllableCounterTests
{
    [Theory]
    // word, syllables as the RAE divides them
    [InlineData("salud", 2)] // sa-lud
    [InlineData("medicamento", 5)] // me-di-ca-men-to
    [InlineData("enfermedad", 4)] // en-fer-me-dad
    [InlineData("día", 2)] // dí-a: accented weak vowel, hiatus
    [InlineData("país", 2)] // pa-ís
    [InlineData("ciudad", 2)] // ciu-dad: two weak vowels, diphthong
    [InlineData("murciélago", 4)] // mur-cié-la-go
    [InlineData("buey", 1)] // triphthong
    [InlineData("Uruguay", 3)] // U-ru-guay
    [InlineData("guerra", 2)] // gue-rra: silent u
    [InlineData("queso", 2)] // que-so
    [InlineData("pingüino", 3)] // pin-güi-no: ü is spoken
    [InlineData("aéreo", 4)] // a-é-re-o: strong vowels, hiatus
    [InlineData("leer", 2)] // le-er
    [InlineData("reír", 2)] // re-ír
    [InlineData("náuseas", 3)] // náu-se-as
    [InlineData("estómago", 4)] // es-tó-ma-go
    [InlineData("oía", 3)] // o-í-a
    [InlineData("hoy", 1)]
    [InlineData("y", 1)]
    public void Spanish_syllables_follow_the_RAE_rules(string word, int syllables) =>
        Assert.Equal(syllables, SyllableCounter.Spanish(word));

    [Theory]
    // word, dictionary syllables
    [InlineData("cat", 1)]
    [InlineData("take", 1)]
    [InlineData("takes", 1)]
    [InlineData("table", 2)]
    [InlineData("people", 2)]
    [InlineData("medicine", 3)]
    [InlineData("tablet", 2)]
    [InlineData("pressure", 2)]
    [InlineData("doctor", 2)]
    [InlineData("jumped", 1)]
    [InlineData("tested", 2)]
    [InlineData("boxes", 2)]
    [InlineData("creature", 2)]
    [InlineData("syllable", 3)]
    [InlineData("hospital", 3)]
    [InlineData("hypertension", 4)]
    [InlineData("yes", 1)]
    [InlineData("free", 1)]
    public void English_syllables_by_the_vowel_group_heuristic(string word, int syllables) =>
        Assert.Equal(syllables, SyllableCounter.English(word));
}
