using TriageBot.Hosting;

var app = TriageBotApplication.Build(args);
await app.RunAsync();
