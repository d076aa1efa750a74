using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace BacklogInsight.Api.Tests.Deploy;

/// <summary>The repository's <c>deploy/</c> folder, its YAML documents and the configuration keys that really exist.</summary>
internal static class DeployFiles
{
    public static string Root { get; } = FindRoot();

    public static string Folder => Path.Combine(Root, "deploy");

    public static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static List<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    public static YamlMappingNode Single(string relativePath) => Documents(Path.Combine(Folder, relativePath)).Single();

    /// <summary>Every configuration key of <c>appsettings.sample.json</c> (which lists every setting), as <c>Section:Key</c>.</summary>
    public static HashSet<string> ConfigurationKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.sample.json")))!, "", keys);
        return keys;
    }

    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var step in path)
        {
            if (current is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(step), out var next))
            {
                current = next;
            }
            else if (current is YamlSequenceNode list && int.TryParse(step, out var index) && index < list.Children.Count)
            {
                current = list.Children[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    private static void Collect(JsonNode node, string prefix, HashSet<string> keys)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                var key = prefix.Length == 0 ? name : $"{prefix}:{name}";
                keys.Add(key);
                if (child is not null)
                {
                    Collect(child, key, keys);
                }
            }
        }
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BacklogInsight.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (BacklogInsight.sln) was not found.");
    }
}
