using NewsSummarizer.DevHost;

var app = DevHostApplication.Create(args);
await app.RunAsync().ConfigureAwait(false);
