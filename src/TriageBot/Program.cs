using TriageBot.Commands;
using TriageBot.Hosting;

if (args.Length > 0 && args[0] == ValidateCommand.Name)
{
    return ValidateCommand.Run(args.Length > 1 ? args[1] : null, Console.Out);
}

if (args.Length > 0 && args[0] == VerifyCommand.Name)
{
    return await VerifyCommand.RunAsync(args[1..], Console.Out);
}

WebApplication app;
try
{
    app = TriageBotApplication.Build(args);
}
catch (InvalidProtocolContentException invalid)
{
    // Say why on the console (and so in the App Service log stream): the file, the line and what is wrong.
    await Console.Error.WriteLineAsync(invalid.Message);
    foreach (var error in invalid.Errors)
    {
        await Console.Error.WriteLineAsync(error);
    }

    return 1;
}
catch (TriageBot.Storage.StorageConfigurationException storage)
{
    await Console.Error.WriteLineAsync(storage.Message);
    return 1;
}

await app.RunAsync();
return 0;
