using Localize.Core.Checks;

namespace Localize.Integration.Tests.Extending;

/// <summary>
/// A check a newcomer adds with this one class and one registration: <c>locale-tag</c> (warning), the target still
/// begins with a bracketed locale tag (<c>[es] …</c>) that an engine or a tool left in front of the text.
/// </summary>
public sealed class LocaleTagCheck : IQualityCheck
{
    public const string CheckId = "locale-tag";

    public const string Message = "the target still begins with the locale tag";

    public string Id => CheckId;

    public Severity Severity => Severity.Warning;

    public string Description => "A bracketed locale tag left in front of the target.";

    public IEnumerable<string> Check(CheckContext context)
    {
        if (context.Pair.Target.StartsWith($"[{context.Pair.TargetLocale}]", StringComparison.OrdinalIgnoreCase))
        {
            yield return Message;
        }
    }
}
