namespace EsRegions.Web.Infrastructure;

/// <summary>
/// The deployment is misconfigured (a tenant file, a missing certificate…): start-up stops with this message alone,
/// written for the operator, instead of a stack trace.
/// </summary>
public class ConfigurationErrorException(string message) : Exception(message);
