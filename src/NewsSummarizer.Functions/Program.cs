using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NewsSummarizer.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddNewsSummarizerFunctions();
builder.Build().Run();
