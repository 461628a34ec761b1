namespace Localize.Core.Segmentation;

/// <summary>
/// The default sentence rules shipped with Localize, as an SRX 2.0 document; each language pack adds its own rules
/// before these (<see cref="Languages.LanguagePack.SentenceRules"/>: abbreviations, full stops without a space). Kept as data in SRX form (not as code) so that
/// linguists can read and extend them with the tools they know (Okapi Ratel, OmegaT), and a deployment can pass its own
/// file to <see cref="SrxRuleSet.Parse"/> instead. It lives in a C# string rather than an embedded resource only so the
/// shared project file needs no entry for it.
/// </summary>
public static class DefaultSegmentationRules
{
    public const string Srx = """
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Sentence rules for patient-facing medical articles, in SRX 2.0 form (LISA Segmentation Rules eXchange, as used by
  Okapi and OmegaT). A language pack's own rules come first (LanguagePack.SentenceRules); then rules of all matching
  language maps apply in order (cascade); at each candidate position the first
  rule whose beforebreak matches the text before it and whose afterbreak matches the text after it decides.

  Inline codes reach these rules as private-use characters: U+E001 opens a paired code, U+E002 closes one, U+E003 is an
  isolated code. A break inside a paired code is never taken, whatever the rules say (the segmenter enforces it).

  Why the afterbreak asks for something that is not a lower-case letter: a missed split costs a reviewer nothing, a wrong
  split in the middle of "5 mg. de paracetamol" or "approx. two" breaks the sentence for the engine.
-->
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes"/>
  <body>
    <languagerules>
      <languagerule languagerulename="Default">
        <!-- A single capital and a period is an initial ("J. Smith", "vitamin B. Then" is rare enough to accept). -->
        <rule break="no">
          <beforebreak>(?&lt;![\p{L}\p{N}.])\p{Lu}\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <!-- An ordinal that opens a heading or list item ("## 1. Blocking the NMDA receptor", "2) Rest") numbers it: it
             ends no sentence. Only at the very start of the text, so "Version 2. 3 patients improved." still splits. -->
        <rule break="no">
          <beforebreak>^[\s\uE001\uE003]*\p{N}{1,3}[.)][\uE002]*</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <!-- End of sentence: terminal punctuation (ellipses included), then any closing quotes, brackets or codes, then
             space and something that starts a sentence: a capital, a digit, an opening quote, ¿ ¡, or an inline code. -->
        <rule break="yes">
          <beforebreak>[.?!…。？！؟۔]+[\p{Pe}\p{Pf}"'\uE002]*</beforebreak>
          <afterbreak>\s+(?:[\uE001\uE003]|[\p{Ps}\p{Pi}"'¿¡]*[\p{Lu}\p{Lt}\p{Lo}\p{N}])</afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>
""";
}
