using EsRegions.Web.Infrastructure;

namespace EsRegions.Web.Infrastructure.Tenancy;

/// <summary>The tenants/ directory is missing or invalid; the message lists every error with file and JSON path.</summary>
public sealed class TenantConfigurationException(IReadOnlyList<string> errors)
    : ConfigurationErrorException("Invalid tenant configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
