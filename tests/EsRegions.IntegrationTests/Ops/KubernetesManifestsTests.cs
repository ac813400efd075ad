using EsRegions.IntegrationTests.Support;
using System.Diagnostics;

namespace EsRegions.IntegrationTests.Ops;

/// <summary>ops/k8s/validate.mjs: the manifests against the Kubernetes API schemas, plus their cross-references.</summary>
public sealed class KubernetesManifestsTests
{
    [Fact]
    public async Task The_shipped_manifests_are_valid_kubernetes_objects_with_two_replicas_probes_and_a_migration_job()
    {
        var (exit, output) = await ValidateAsync(Repository.Path("ops", "k8s"));

        Assert.True(exit == 0, output);
        Assert.Contains("K8S ok deployment.yaml Deployment/esregions", output);
        Assert.Contains("HorizontalPodAutoscaler/esregions", output);
        Assert.Contains("tenants-configmap.sh (output) ConfigMap/esregions-tenants", output);
        Assert.Contains("K8S valid:", output);
    }

    [Fact]
    public async Task A_wrongly_typed_field_and_a_dangling_reference_are_reported_with_their_paths()
    {
        var copy = Directory.CreateTempSubdirectory("esr-k8s-").FullName;
        foreach (var file in Directory.GetFiles(Repository.Path("ops", "k8s"), "*.yaml"))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var deployment = Path.Combine(copy, "deployment.yaml");
        await File.WriteAllTextAsync(deployment, (await File.ReadAllTextAsync(deployment, TestContext.Current.CancellationToken))
            .Replace("containerPort: 8080", "containerPort: osiemdziesiąt")
            .Replace("secretRef:\n                name: esregions-smtp", "secretRef:\n                name: esregions-mail"), TestContext.Current.CancellationToken);

        var (exit, output) = await ValidateAsync(copy);

        Assert.Equal(1, exit);
        Assert.Contains("/spec/template/spec/containers/0/ports/0/containerPort must be integer", output);
        Assert.Contains("envFrom missing Secret esregions-mail", output);
    }

    private static async Task<(int, string)> ValidateAsync(string directory)
    {
        var psi = new ProcessStartInfo("node", [Repository.Path("ops", "k8s", "validate.mjs"), directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
