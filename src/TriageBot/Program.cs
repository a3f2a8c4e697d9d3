using TriageBot.Commands;
using TriageBot.Hosting;

if (args.Length > 0 && args[0] == ValidateCommand.Name)
{
    return ValidateCommand.Run(args.Length > 1 ? args[1] : null, Console.Out);
}

var app = TriageBotApplication.Build(args);
await app.RunAsync();
return 0;
