using System.Net;
using BacklogInsight.Api.CommandLine;
using BacklogInsight.Api.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace BacklogInsight.Api.Tests.Deploy;

/// <summary>What can be checked of deploy/ without a container engine: it parses, and its names point at real things.</summary>
[TestFixture]
public sealed class DeployManifestTests
{
    private const string Image = "backlog-insight:latest";

    [Test]
    public void EveryYamlFile_Parses()
    {
        var files = DeployFiles.YamlFiles().ToList();

        Assert.That(files, Has.Count.GreaterThanOrEqualTo(9));
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                Assert.That(() => DeployFiles.Documents(file), Throws.Nothing, file);
            }
        });
    }

    [Test]
    public void EnvironmentKeys_AreRealConfigurationKeys()
    {
        var known = DeployFiles.ConfigurationKeys();
        var used = new List<(string File, string Key)>();
        foreach (var compose in new[] { "compose.single.yaml", "compose.scale-out.yaml" })
        {
            var services = (YamlMappingNode)DeployFiles.Single(compose).At("services")!;
            foreach (var (name, service) in services.Children)
            {
                if (service.At("environment") is YamlMappingNode environment && name.ToString() != "postgres")
                {
                    used.AddRange(environment.Children.Keys.Select(k => (compose, k.ToString())));
                }
            }
        }

        used.AddRange(((YamlMappingNode)DeployFiles.Single("k8s/configmap.yaml").At("data")!).Children.Keys.Select(k => ("configmap", k.ToString())));
        used.AddRange(((YamlMappingNode)DeployFiles.Single("k8s/secret.example.yaml").At("stringData")!).Children.Keys.Select(k => ("secret", k.ToString())));
        foreach (var role in new[] { "api", "worker" })
        {
            var env = (YamlSequenceNode)Container(role).At("env")!;
            used.AddRange(env.Children.Select(e => ($"{role}-deployment", e.Text("name")!)));
        }

        Assert.Multiple(() =>
        {
            foreach (var (file, key) in used)
            {
                Assert.That(known, Does.Contain(key.Replace("__", ":", StringComparison.Ordinal)), $"{file}: {key} is not a configuration key");
            }
        });
    }

    [Test]
    public void ImagesRolesAndReferences_Match()
    {
        var single = DeployFiles.Single("compose.single.yaml");
        var scaleOut = DeployFiles.Single("compose.scale-out.yaml");
        var configMap = DeployFiles.Single("k8s/configmap.yaml").Text("metadata", "name");
        var secret = DeployFiles.Single("k8s/secret.example.yaml").Text("metadata", "name");
        var worker = DeployFiles.Single("k8s/worker-deployment.yaml");
        var hpa = DeployFiles.Single("k8s/worker-hpa.yaml");
        var service = DeployFiles.Single("k8s/service.yaml");
        var kustomization = (YamlSequenceNode)DeployFiles.Single("k8s/kustomization.yaml").At("resources")!;

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(DeployFiles.Root, single.Text("services", "backlog-insight", "build", "dockerfile")!)), Is.True);
            Assert.That(single.Text("services", "backlog-insight", "image"), Is.EqualTo(Image));
            foreach (var (name, role) in new[] { ("backlog-insight", "all"), ("api", "api"), ("worker", "worker") })
            {
                var compose = name == "backlog-insight" ? single : scaleOut;
                if (name != "backlog-insight")
                {
                    Assert.That(compose.Text("services", name, "image"), Is.EqualTo(Image), name);
                }

                Assert.That(ServeRole.Parse(compose.Text("services", name, "command", "2")).Name, Is.EqualTo(role), name);
            }

            foreach (var role in new[] { "api", "worker" })
            {
                var container = Container(role);
                Assert.That(container.Text("image"), Is.EqualTo(Image), role);
                Assert.That(ServeRole.Parse(container.Text("args", "2")).Name, Is.EqualTo(role), role);
                Assert.That(container.Text("envFrom", "0", "configMapRef", "name"), Is.EqualTo(configMap), role);
                Assert.That(container.Text("env", "0", "valueFrom", "secretKeyRef", "name"), Is.EqualTo(secret), role);
                Assert.That(container.Text("ports", "0", "name"), Is.EqualTo(service.Text("spec", "ports", "0", "targetPort")), role);
            }

            Assert.That(hpa.Text("spec", "scaleTargetRef", "name"), Is.EqualTo(worker.Text("metadata", "name")));
            Assert.That(service.Text("spec", "selector", "app.kubernetes.io/component"), Is.EqualTo("api"));
            foreach (var resource in kustomization.Children.Select(r => r.ToString()))
            {
                Assert.That(File.Exists(Path.Combine(DeployFiles.Folder, "k8s", resource)), Is.True, resource);
            }
        });
    }

    [Test]
    public async Task ProbePaths_AreServedByTheApp()
    {
        var paths = new[] { "api", "worker" }
            .SelectMany(role => new[] { Container(role).Text("readinessProbe", "httpGet", "path")!, Container(role).Text("livenessProbe", "httpGet", "path")! })
            .Distinct().ToList();
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path);
        using var client = factory.CreateClient();

        Assert.That(paths, Is.Not.Empty);
        foreach (var path in paths)
        {
            Assert.That((await client.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
    }

    [Test]
    public async Task ImageEntryCommand_RunsTheApp()
    {
        var dockerfile = await File.ReadAllLinesAsync(Path.Combine(DeployFiles.Folder, "Dockerfile"));
        var entry = dockerfile.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
        var health = string.Join(' ', dockerfile.SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)).Take(2));

        Assert.That(entry, Is.EqualTo("""ENTRYPOINT ["dotnet", "BacklogInsight.Api.dll"]"""));
        Assert.That(File.Exists(Path.Combine(AppContext.BaseDirectory, "BacklogInsight.Api.dll")), Is.True);
        Assert.That(health, Does.Contain("\"BacklogInsight.Api.dll\", \"health\""));
        using var help = await ServiceProcess.RunToEndAsync(["help"]);
        Assert.That(help.ExitCode, Is.Zero, help.Output);
        Assert.That(help.Output, Does.Contain("--role api|worker|all"));
        using var nothingThere = await ServiceProcess.RunToEndAsync(["health", "--url", "http://127.0.0.1:9/health"]);
        Assert.That(nothingThere.ExitCode, Is.Not.Zero, "health fails when no service answers");
    }

    private static YamlNode Container(string role) =>
        DeployFiles.Single($"k8s/{role}-deployment.yaml").At("spec", "template", "spec", "containers", "0")!;
}
