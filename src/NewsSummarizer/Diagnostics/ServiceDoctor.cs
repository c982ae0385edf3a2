using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using NewsSummarizer.Articles;
using NewsSummarizer.Storage;
using NewsSummarizer.Summarization;

namespace NewsSummarizer.Diagnostics;

/// <summary><c>newsum doctor</c>: checks storage, the articles container and the configured model with one small
/// structured call (the same request the service sends), and says for each problem which setting to change. The
/// model's refusals are named by <see cref="ModelFailureClassifier"/>, as in the results.</summary>
public sealed class ServiceDoctor(
    BlobServiceClient blobs,
    IOptions<StorageOptions> storage,
    ModelDescription model,
    ISummarizer summarizer,
    ArticleReader reader)
{
    /// <summary>A short news text for the model call when no seed is given.</summary>
    public const string DefaultSeed =
        "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في شمال البلاد بسعة مئتي سرير، على أن يبدأ استقبال المرضى الشهر المقبل. " +
        "وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظات الشمالية، وإن الحكومة ستفتتح مستشفيين آخرين العام المقبل.";

    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(string? seedText, CancellationToken cancellationToken)
    {
        var findings = new List<DoctorFinding>();
        var storageOk = await CheckStorageAsync(findings, cancellationToken).ConfigureAwait(false);
        if (storageOk)
        {
            await CheckContainerAsync(findings, cancellationToken).ConfigureAwait(false);
        }

        await CheckModelAsync(seedText ?? DefaultSeed, findings, cancellationToken).ConfigureAwait(false);
        return findings;
    }

    private async Task<bool> CheckStorageAsync(List<DoctorFinding> findings, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await blobs.GetBlobContainerClient(storage.Value.ArticlesContainer).ExistsAsync(timeout.Token).ConfigureAwait(false);
            findings.Add(new DoctorFinding("storage", DoctorStatus.Ok, $"{blobs.Uri.Host}:{blobs.Uri.Port} answers."));
            return true;
        }
        catch (Exception exception) when (exception is RequestFailedException or OperationCanceledException or AggregateException)
        {
            var detail = exception is RequestFailedException { Status: 401 or 403 } refused
                ? $"{blobs.Uri.Host} refused the credentials (HTTP {refused.Status}): grant the identity 'Storage Blob Data Contributor' or fix the key."
                : $"{blobs.Uri.Host}:{blobs.Uri.Port} cannot be reached ({exception.GetType().Name}). For Azurite run `npx azurite` (./run.sh starts it).";
            findings.Add(new DoctorFinding("storage", DoctorStatus.Error, detail, "AzureWebJobsStorage"));
            return false;
        }
    }

    private async Task CheckContainerAsync(List<DoctorFinding> findings, CancellationToken cancellationToken)
    {
        var name = storage.Value.ArticlesContainer;
        var exists = await blobs.GetBlobContainerClient(name).ExistsAsync(cancellationToken).ConfigureAwait(false);
        findings.Add(exists.Value
            ? new DoctorFinding("container", DoctorStatus.Ok, $"'{name}' exists.")
            : new DoctorFinding(
                "container", DoctorStatus.Warning, $"'{name}' does not exist yet; `newsum upload` creates it.", "ArticlesContainer"));
    }

    private async Task CheckModelAsync(string seedText, List<DoctorFinding> findings, CancellationToken cancellationToken)
    {
        var configured = $"{model.Provider} {model.Model} at {model.Endpoint}" +
            (model.ReasoningEffort is { } effort ? $", reasoning effort {effort}" : string.Empty) +
            $", {model.MaxOutputTokens} output tokens";
        if (model.Provider == ModelProvider.Extractive)
        {
            findings.Add(new DoctorFinding(
                "model", DoctorStatus.Warning, "No model is configured: summaries are extractive, in the article's own language only.", "Summarizer__Provider"));
            return;
        }

        var read = await reader.ReadAsync(System.Text.Encoding.UTF8.GetBytes(seedText), "seed.txt", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!read.IsAccepted)
        {
            findings.Add(new DoctorFinding("model", DoctorStatus.Error, $"The seed text is not an article: {read.Rejection.Message}"));
            return;
        }

        try
        {
            var content = await summarizer.SummarizeAsync(read.Article, SummaryLength.Default, cancellationToken).ConfigureAwait(false);
            findings.Add(new DoctorFinding(
                "model",
                DoctorStatus.Ok,
                $"{configured}: one structured call answered in both languages ({content.Model.InputTokens} input, {content.Model.OutputTokens} output tokens)."));
        }
        catch (SummarizationException refused)
        {
            var hint = refused.Code == ModelErrorCodes.InvalidReply
                ? " A model without structured-output (JSON schema) support answers like this: choose one that has it."
                : string.Empty;
            findings.Add(new DoctorFinding("model", DoctorStatus.Error, $"{configured}: {refused.Code}. {refused.Message}{hint}", SettingOf(refused.Code)));
        }
        catch (ModelUnavailableException unavailable)
        {
            findings.Add(new DoctorFinding(
                "model",
                DoctorStatus.Error,
                $"{configured}: unavailable. {unavailable.Message}",
                model.Provider == ModelProvider.AzureOpenAI ? "AzureOpenAI__Endpoint" : "OpenAI__Endpoint"));
        }
    }

    private string? SettingOf(string code) => code switch
    {
        ModelErrorCodes.NotFound => model.Provider == ModelProvider.AzureOpenAI ? "AzureOpenAI__Deployment" : "OpenAI__Model",
        ModelErrorCodes.AuthFailed => model.Provider == ModelProvider.AzureOpenAI ? "AzureOpenAI__ApiKey" : "OpenAI__ApiKey",
        ModelErrorCodes.OutputTruncated => "Summarizer__MaxOutputTokens / Summarizer__ReasoningEffort",
        ModelErrorCodes.ContextTooLong => "Summarizer__MaxInputTokens",
        ModelErrorCodes.ContentFiltered => "Summarizer__FallbackToExtractive",
        ModelErrorCodes.InvalidReply => "AzureOpenAI__Deployment / OpenAI__Model (a model with structured outputs)",
        _ => null, // model-rejected-request: the message names the parameter and its setting
    };
}
