namespace Integra.Gateway.Cli;

/// <summary>Turns the expected failures of a command into SPEC §6 exit codes with one line on stderr.</summary>
internal static class CommandRunner
{
    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"integra-gateway: {e.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
    }

    public static async Task<int> RunAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"integra-gateway: {e.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
    }
}
