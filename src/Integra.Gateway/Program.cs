using Integra.Gateway.Cli;

return await GatewayCli.InvokeAsync(args);
