namespace Localize.Core.Segmentation;

/// <summary>
/// The sentence rules shipped with Localize, as an SRX 2.0 document. Kept as data in SRX form (not as code) so that
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
  Okapi and OmegaT). Rules of all matching language maps apply in order (cascade); at each candidate position the first
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
      <languagerule languagerulename="English">
        <!-- Abbreviations that do not end a sentence even before a capital: "Dr. Smith", "e.g. Paracetamol", "approx. 5". -->
        <rule break="no">
          <beforebreak>(?&lt;![\p{L}\p{N}.])(?:Dr|Drs|Mr|Mrs|Ms|Mx|Prof|Sr|Jr|St|Mt|vs|cf|approx|appt|dept|est|min|max|No|Nos|fig|Fig|figs|vol|Vol|p|pp|ed|Ed|mg|mcg|ml|mL|kg|lb|lbs|oz|tbsp|tsp|hr|hrs|wk|wks|yr|yrs|Inc|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule break="no">
          <beforebreak>(?&lt;![\p{L}\p{N}.])(?:e\.g|i\.e|a\.m|p\.m|U\.S|U\.K|Ph\.D|M\.D|et al)\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
      <languagerule languagerulename="Spanish">
        <rule break="no">
          <beforebreak>(?&lt;![\p{L}\p{N}.])(?:Sr|Sra|Srta|Sres|Dr|Dra|Dres|Lic|Ing|Prof|Profa|Ud|Uds|Vd|Vds|D|Dña|pág|págs|núm|nro|aprox|máx|mín|vs|cf|fig|vol|tel|mg|mcg|ml|mL|kg|cap|art|ej|dcha|izq|ene|feb|mar|abr|jun|jul|ago|sep|sept|oct|nov|dic)\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule break="no">
          <beforebreak>(?&lt;![\p{L}\p{N}.])(?:p\. ej|p\.ej|EE\. UU|EE\.UU|a\. m|p\. m|a\.m|p\.m|S\.A|etc\. etc)\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <!-- A single capital and a period is an initial ("J. Smith", "vitamin B. Then" is rare enough to accept). -->
        <rule break="no">
          <beforebreak>(?&lt;![\p{L}\p{N}.])\p{Lu}\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <!-- End of sentence: terminal punctuation (ellipses included), then any closing quotes, brackets or codes, then
             space and something that starts a sentence: a capital, a digit, an opening quote, ¿ ¡, or an inline code. -->
        <rule break="yes">
          <beforebreak>[.?!…。？！]+[\p{Pe}\p{Pf}"'\uE002]*</beforebreak>
          <afterbreak>\s+(?:[\uE001\uE003]|[\p{Ps}\p{Pi}"'¿¡]*[\p{Lu}\p{Lt}\p{Lo}\p{N}])</afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="(?i)en(-.*)?" languagerulename="English"/>
      <languagemap languagepattern="(?i)es(-.*)?" languagerulename="Spanish"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>
""";
}
