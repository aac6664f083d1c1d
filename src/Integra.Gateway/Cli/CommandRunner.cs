namespace Integra.Gateway.Cli;

/// <summary>Turns the expected failures of a command into SPEC §6 exit codes (and 3, not found, of the look-ups) with one line on stderr.</summary>
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
        catch (NotFoundException e)
        {
            Console.Error.WriteLine($"integra-gateway: {e.Message}");
            return ExitCodes.NotFound;
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
        catch (NotFoundException e)
        {
            await Console.Error.WriteLineAsync($"integra-gateway: {e.Message}");
            return ExitCodes.NotFound;
        }
    }
}
