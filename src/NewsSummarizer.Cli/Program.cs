using System.CommandLine;
using System.Text;
using NewsSummarizer.Cli;

Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("newsum: Arabic and English news summaries from the command line.")
{
    SummarizeCommand.Create(),
    UploadCommand.Create(),
    BackfillCommand.Create(),
    CostCommand.Create(),
    DoctorCommand.Create(),
    EvalCommand.Create(),
    RougeCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
