namespace Localize.Server.Resources;

/// <summary>
/// The web app's own interface strings: <c>AppStrings.resx</c> (English, neutral) and its culture files, which the
/// pipeline produces like any website's (see <c>pipelines/articles.yaml</c>, <c>strings:</c>). Pages ask for them
/// through <c>IStringLocalizer&lt;AppStrings&gt;</c> / <c>IHtmlLocalizer&lt;AppStrings&gt;</c>.
/// </summary>
public sealed class AppStrings;
