using System.Runtime.CompilerServices;

namespace Integra.Gateway.Tests;

/// <summary>
/// These tests run many gateways side by side (in process and as child processes, which inherit the environment);
/// each would serve the partner portal on the same default port. The portal has its own tests
/// (Integra.Gateway.Portal.Tests), so here it is off.
/// </summary>
internal static class PortalOff
{
#pragma warning disable CA2255 // A test assembly's setup, not a library's.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Initialize() => Environment.SetEnvironmentVariable("INTEGRA_Portal__Enabled", "false");
}
