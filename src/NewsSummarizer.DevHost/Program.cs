using NewsSummarizer.DevHost;

// Ctrl+C and SIGTERM stop the app (ConsoleLifetime); RunAsync returns unless the trigger host asked for a restart.
await DevHostApplication.RunAsync(args).ConfigureAwait(false);
