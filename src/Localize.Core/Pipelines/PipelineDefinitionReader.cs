using System.Globalization;
using System.Text.RegularExpressions;
using Localize.Core.Translation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Localize.Core.Pipelines;

/// <summary>
/// Reads a pipeline definition from YAML text. Every mistake is reported with the file, the line and the field,
/// because the person fixing it is looking at that file.
/// </summary>
/// <param name="knownEngines">The engine ids a locale may name.</param>
/// <param name="roles">The fallback and back-translation engines a locale gets when it names none of its own.</param>
/// <param name="optionalSteps">The steps a pipeline may choose under <c>steps:</c> (<see cref="PipelineStepOrder.OptionalSteps"/>).</param>
public sealed partial class PipelineDefinitionReader(IReadOnlySet<string> knownEngines, EngineRoles roles, IReadOnlySet<string> optionalSteps)
{
    /// <summary>Pseudo-locales are not in ICU's list but are how every platform tests layout.</summary>
    private static readonly HashSet<string> PseudoLocales = new(StringComparer.OrdinalIgnoreCase) { "qps-ploc", "qps-plocm", "qps-ploca" };

    public PipelineDefinition Read(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            RefuseDeepNesting(yaml, path);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new PipelineDefinitionException(path, (int)ex.Start.Line, null, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way when the text ends inside an unclosed flow collection.
            throw new PipelineDefinitionException(path, yaml.Count(c => c == '\n') + 1, null, "not valid YAML: the file ends inside an unclosed [ or {");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PipelineDefinitionException(path, 1, null, "expected a mapping with name, source, locales, review and publish");
        }

        var node = new Node(path, root, string.Empty);
        var name = node.RequiredString("name");
        var source = node.RequiredMapping("source");
        var sourceSettings = new SourceSettings(
            RelativeFolder(source, "folder"),
            Include(source),
            Language(source, "language", source.OptionalString("language") ?? "en"),
            source.OptionalStringList("fields") ?? ["title", "description"]);
        var strings = Strings(node);

        var locales = new List<LocaleTarget>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in node.RequiredSequence("locales"))
        {
            var code = Language(item, "code", item.RequiredString("code"));
            if (seen.TryGetValue(code, out var firstLine))
            {
                throw item.Error("code", $"locale '{code}' is listed twice (first at line {firstLine})");
            }

            seen[code] = item.Line;
            if (string.Equals(code, sourceSettings.Language, StringComparison.OrdinalIgnoreCase))
            {
                throw item.Error("code", $"locale '{code}' is the source language");
            }

            var engine = KnownEngine(item, "engine", item.RequiredString("engine"));
            var fallback = KnownEngine(item, "fallback", item.OptionalString("fallback") ?? roles.Fallback);
            var backTranslation = KnownEngine(item, "back-translation", item.OptionalString("back-translation") ?? roles.BackTranslation);
            locales.Add(new LocaleTarget(code, engine, fallback, backTranslation));
        }

        if (locales.Count == 0)
        {
            throw node.Error("locales", "no locales: name at least one target locale");
        }

        var review = node.OptionalMapping("review");
        var approvals = review?.OptionalInt("approvals") ?? 1;
        if (approvals is < 1 or > 5)
        {
            throw (review ?? node).Error("approvals", "must be between 1 and 5");
        }

        var publish = node.OptionalMapping("publish");
        var publishFolder = publish is null ? "translations" : RelativeFolder(publish, "folder");
        return new PipelineDefinition(name, path, sourceSettings, locales, new ReviewRule(approvals), new PublishTarget(publishFolder))
        {
            Strings = strings,
            OptionalSteps = OptionalSteps(node),
        };
    }

    /// <summary><c>steps: [back-translation]</c> — the optional steps this pipeline runs; absent: all of them.</summary>
    private IReadOnlySet<string>? OptionalSteps(Node node)
    {
        if (!node.Has("steps"))
        {
            return null;
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (step, line) in node.RequiredNames("steps", "[back-translation, readability]"))
        {
            if (!optionalSteps.Contains(step))
            {
                throw node.ErrorAt(
                    "steps", line, $"unknown optional step '{step}'; the optional steps are {string.Join(", ", optionalSteps.Order(StringComparer.Ordinal))} (the others always run)");
            }

            chosen.Add(step);
        }

        return chosen;
    }

    private string KnownEngine(Node node, string key, string engine) =>
        knownEngines.Contains(engine)
            ? engine
            : throw node.Error(key, $"unknown engine '{engine}'; known engines: {string.Join(", ", knownEngines.Order())}");

    /// <summary><c>strings:</c> — a list of <c>{ folder, include }</c> (include defaults to every .resx below the folder).</summary>
    private static IReadOnlyList<StringsSource> Strings(Node node)
    {
        if (!node.Has("strings"))
        {
            return [];
        }

        var sources = new List<StringsSource>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in node.RequiredSequence("strings", "{ folder: content/strings }"))
        {
            var folder = RelativeFolder(item, "folder");
            if (seen.TryGetValue(folder, out var firstLine))
            {
                throw item.Error("folder", $"'{folder}' is listed twice (first at line {firstLine})");
            }

            seen[folder] = item.Line;
            var include = Include(item, "**/*.resx");
            if (!include.EndsWith(".resx", StringComparison.OrdinalIgnoreCase))
            {
                throw item.Error("include", $"'{include}' must match .resx files, e.g. \"**/*.resx\"");
            }

            sources.Add(new StringsSource(folder, include));
        }

        return sources;
    }

    /// <summary>
    /// YamlStream builds its tree recursively and YamlDotNet's scanner slows down quadratically with nesting, so a file
    /// nested thousands of levels deep would stall the worker (or overflow its stack). Events are pulled one by one:
    /// counting them first stops at the first level too deep, cheaply.
    /// </summary>
    private static void RefuseDeepNesting(string yaml, string path)
    {
        const int maxNesting = 100;
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            depth += parser.Current!.NestingIncrease;
            if (depth > maxNesting)
            {
                throw new PipelineDefinitionException(path, (int)parser.Current.Start.Line, null, $"nested more than {maxNesting} levels deep; a pipeline needs a few");
            }
        }
    }

    private static string RelativeFolder(Node node, string key)
    {
        var folder = node.RequiredString(key);
        if (Path.IsPathRooted(folder) || folder.Split('/', '\\').Contains(".."))
        {
            throw node.Error(key, $"'{folder}' must be a folder inside the repository (relative, without '..')");
        }

        // One spelling for every folder, as paths are compared with it: content\strings\ and content/strings are the same.
        return folder.Replace('\\', '/').TrimEnd('/');
    }

    // A glob with '..' would make the pipeline read (and publish) files from outside its source folder.
    private static string Include(Node source, string fallback = "**/*.md")
    {
        var include = source.OptionalString("include") ?? fallback;
        if (Path.IsPathRooted(include) || include.Split('/', '\\').Contains(".."))
        {
            throw source.Error("include", $"'{include}' must be a pattern inside the source folder (relative, without '..'), e.g. \"{fallback}\"");
        }

        return include;
    }

    private static string Language(Node node, string key, string code)
    {
        if (PseudoLocales.Contains(code))
        {
            return code.ToLowerInvariant();
        }

        if (!LanguageTag().IsMatch(code))
        {
            throw node.Error(key, $"'{code}' is not a language tag such as 'es' or 'es-MX'");
        }

        try
        {
            return CultureInfo.GetCultureInfo(code, predefinedOnly: true).Name;
        }
        catch (CultureNotFoundException)
        {
            throw node.Error(key, $"unknown locale '{code}'");
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    /// <summary>A mapping node plus where it is, so that every error can say file, line and field.</summary>
    private sealed class Node(string path, YamlMappingNode mapping, string prefix)
    {
        public int Line => (int)mapping.Start.Line;

        public PipelineDefinitionException Error(string key, string message)
        {
            var line = mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (int)value.Start.Line : Line;
            return ErrorAt(key, line, message);
        }

        public PipelineDefinitionException ErrorAt(string key, int line, string message) => new(path, line, prefix + key, message);

        /// <summary>A list of names, each with its own line, so a wrong one is reported where it is written.</summary>
        public IReadOnlyList<(string Name, int Line)> RequiredNames(string key, string example)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var value)
                || value is not YamlSequenceNode sequence
                || sequence.Any(n => n is not YamlScalarNode { Value.Length: > 0 }))
            {
                throw Error(key, $"must be a list of names, e.g. {example}");
            }

            return [.. sequence.Select(n => (((YamlScalarNode)n).Value!.Trim(), (int)n.Start.Line))];
        }

        public string RequiredString(string key) =>
            OptionalString(key) ?? throw Error(key, "is required");

        public string? OptionalString(string key)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return null;
            }

            if (value is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                throw Error(key, "must be a non-empty text value");
            }

            return text.Trim();
        }

        public int? OptionalInt(string key)
        {
            var text = OptionalString(key);
            if (text is null)
            {
                return null;
            }

            return int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Error(key, $"'{text}' is not a whole number");
        }

        public IReadOnlyList<string>? OptionalStringList(string key)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return null;
            }

            if (value is not YamlSequenceNode sequence || sequence.Any(n => n is not YamlScalarNode { Value.Length: > 0 }))
            {
                throw Error(key, "must be a list of names, e.g. [title, description]");
            }

            return sequence.Select(n => ((YamlScalarNode)n).Value!).ToArray();
        }

        public Node RequiredMapping(string key) => OptionalMapping(key) ?? throw Error(key, "is required");

        public Node? OptionalMapping(string key)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return null;
            }

            return value is YamlMappingNode child
                ? new Node(path, child, prefix + key + ".")
                : throw Error(key, "must be a mapping of fields");
        }

        public bool Has(string key) => mapping.Children.ContainsKey(new YamlScalarNode(key));

        public IEnumerable<Node> RequiredSequence(string key, string example = "{ code: es, engine: apertium }")
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                throw Error(key, "is required");
            }

            if (value is not YamlSequenceNode sequence)
            {
                throw Error(key, "must be a list");
            }

            var index = 0;
            foreach (var item in sequence)
            {
                yield return item is YamlMappingNode child
                    ? new Node(path, child, $"{prefix}{key}[{index}].")
                    : throw Error(key, $"item {index + 1} must be a mapping such as {example}");
                index++;
            }
        }
    }
}

/// <summary>A pipeline file that cannot be used, with the file, line and field to fix.</summary>
public sealed class PipelineDefinitionException(string path, int line, string? field, string problem)
    : FormatException($"{path}:{line}: {(field is null ? string.Empty : $"field '{field}' ")}{problem}")
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public string? Field { get; } = field;

    public string Problem { get; } = problem;
}
