using System.Net;
using System.Text;
using NewsSummarizer.Summaries;
using OpenQA.Selenium;

namespace NewsSummarizer.BrowserTests;

/// <summary>The reading page in headless Chromium against the real DevHost (Azurite, polling trigger, OpenAI-compatible
/// provider on a fake model server, so both languages exist), on loopback only.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadingPageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string containerName = AzuriteFixture.NewContainerName("page");
    private BilingualDevHost devHost = null!;
    private HeadlessChromium? browser;

    public async Task InitializeAsync() => devHost = await BilingualDevHost.StartAsync(azurite, containerName);

    public async Task DisposeAsync()
    {
        browser?.Dispose();
        await devHost.DisposeAsync();
    }

    [Fact]
    public async Task Page_UploadedArticle_IsListedAndOpensWithTheKeyboardInArabicAndEnglish()
    {
        var seed = await File.ReadAllBytesAsync(SampleArticles.ArabicSeedPath);
        await devHost.Container.UploadBlobAsync("world/seed.txt", BinaryData.FromBytes(seed));
        await WaitForResultAsync("world/seed.txt");
        var chromium = StartBrowser();

        chromium.Driver.Navigate().GoToUrl(devHost.Host.BaseAddress);
        var item = chromium.WaitFor(d => d.FindElement(By.CssSelector("button.article[data-name='world/seed.txt']")), "the article in the list");
        Assert.Contains("ok", item.FindElement(By.CssSelector(".badge")).Text, StringComparison.Ordinal);
        TabTo(chromium, item);
        Assert.Equal("solid", chromium.Driver.ExecuteScript("return getComputedStyle(document.activeElement).outlineStyle"));
        chromium.Driver.SwitchTo().ActiveElement().SendKeys(Keys.Enter);

        var arabic = chromium.WaitFor(d => d.FindElement(By.CssSelector("#detail-body section[data-lang='ar']")), "the Arabic summary");
        var english = chromium.Driver.FindElement(By.CssSelector("#detail-body section[data-lang='en']"));
        Assert.Equal("rtl", arabic.GetAttribute("dir"));
        Assert.Equal("ar", arabic.GetAttribute("lang"));
        Assert.Equal("ltr", english.GetAttribute("dir"));
        Assert.Contains(FakeModelServer.ArabicSummary, arabic.Text, StringComparison.Ordinal);
        Assert.Contains(FakeModelServer.EnglishSummary, english.Text, StringComparison.Ordinal);
        Assert.Contains("بايدن يحذر من غزو روسي لأوكرانيا", arabic.Text, StringComparison.Ordinal);
        Assert.Equal(arabic.Location.Y, english.Location.Y); // side by side
        Assert.True(arabic.Location.X < english.Location.X, "Arabic comes first (left), English beside it.");
        var provenance = chromium.Driver.FindElement(By.CssSelector("#detail-body .provenance")).Text;
        Assert.Contains("OpenAI", provenance, StringComparison.Ordinal);
        Assert.Contains("fake-model", provenance, StringComparison.Ordinal);
        Assert.Equal("detail-heading", chromium.Driver.SwitchTo().ActiveElement().GetAttribute("id"));
        chromium.Driver.ExecuteScript("document.activeElement.blur()"); // no focus ring in the README picture
        SaveScreenshot(chromium, "reading-page.png");
        Assert.Empty(chromium.SevereConsoleMessages());
    }

    [Fact]
    public async Task Page_NarrowWindow_StacksTheLanguagesInOneColumn()
    {
        await devHost.Container.UploadBlobAsync("narrow.txt", BinaryData.FromBytes(Encoding.UTF8.GetBytes(SampleArticles.ShortEnglish)));
        await WaitForResultAsync("narrow.txt");
        var chromium = StartBrowser(width: 480);

        chromium.Driver.Navigate().GoToUrl(devHost.Host.BaseAddress);
        chromium.WaitFor(d => d.FindElement(By.CssSelector("button.article[data-name='narrow.txt']")), "the article in the list").Click();

        var arabic = chromium.WaitFor(d => d.FindElement(By.CssSelector("#detail-body section[data-lang='ar']")), "the Arabic summary");
        var english = chromium.Driver.FindElement(By.CssSelector("#detail-body section[data-lang='en']"));
        Assert.True(english.Location.Y > arabic.Location.Y, "The languages should stack under 700px.");
        Assert.Equal(arabic.Size.Width, english.Size.Width);
        var pageWidth = Convert.ToInt64(chromium.Driver.ExecuteScript("return document.documentElement.scrollWidth"), System.Globalization.CultureInfo.InvariantCulture);
        var viewport = Convert.ToInt64(chromium.Driver.ExecuteScript("return document.documentElement.clientWidth"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pageWidth <= viewport, $"The page scrolls sideways: {pageWidth}px wide in a {viewport}px viewport.");
    }

    [Fact]
    public void Page_PastedText_ShowsTheBilingualSummary()
    {
        var chromium = StartBrowser();
        chromium.Driver.Navigate().GoToUrl(devHost.Host.BaseAddress);

        chromium.WaitFor(d => d.FindElement(By.Id("paste-text")), "the text box").SendKeys(SampleArticles.ShortEnglish);
        chromium.Driver.FindElement(By.Id("paste-title")).SendKeys("Council budget");
        chromium.Driver.FindElement(By.Id("paste-submit")).Click();

        var english = chromium.WaitFor(d => d.FindElement(By.CssSelector("#detail-body section[data-lang='en']")), "the English summary");
        Assert.Contains(FakeModelServer.EnglishSummary, english.Text, StringComparison.Ordinal);
        var arabic = chromium.Driver.FindElement(By.CssSelector("#detail-body section[data-lang='ar']"));
        Assert.Equal("rtl", arabic.GetAttribute("dir"));
        Assert.Contains(FakeModelServer.ArabicSummary, arabic.Text, StringComparison.Ordinal);
        Assert.Equal("Pasted text", chromium.Driver.FindElement(By.Id("detail-heading")).Text);
        Assert.Contains("posted text", chromium.Driver.FindElement(By.CssSelector("#detail-body .provenance")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_PastedTextTooShort_ShowsTheProblemReadably()
    {
        var chromium = StartBrowser();
        chromium.Driver.Navigate().GoToUrl(devHost.Host.BaseAddress);

        chromium.WaitFor(d => d.FindElement(By.Id("paste-text")), "the text box").SendKeys("Too short to summarise.");
        chromium.Driver.FindElement(By.Id("paste-submit")).Click();

        var reason = chromium.WaitFor(d => d.FindElement(By.CssSelector("#detail-body .reason")), "the rejection reason");
        Assert.Contains("too-short", reason.Text, StringComparison.Ordinal);
        var status = chromium.Driver.FindElement(By.Id("detail-status")).Text;
        Assert.Contains("Unprocessable", status, StringComparison.Ordinal);
        Assert.Contains("too-short", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_RejectedUpload_ShowsItsReason()
    {
        await devHost.Container.UploadBlobAsync("short.txt", BinaryData.FromString("Too short to summarise."));
        await WaitForResultAsync("short.txt");
        var chromium = StartBrowser();

        chromium.Driver.Navigate().GoToUrl(devHost.Host.BaseAddress);
        var item = chromium.WaitFor(d => d.FindElement(By.CssSelector("button.article[data-name='short.txt']")), "the article in the list");
        Assert.Equal("rejected", item.FindElement(By.CssSelector(".badge")).Text);
        item.Click();

        var reason = chromium.WaitFor(d => d.FindElement(By.CssSelector("#detail-body .reason")), "the rejection reason");
        Assert.Contains("Rejected", reason.Text, StringComparison.Ordinal);
        Assert.Contains("too-short", reason.Text, StringComparison.Ordinal);
        Assert.Equal(0, devHost.Model.RequestCount);
    }

    [Fact]
    public async Task Page_ArticleWaitingForTheModel_ShowsWhenItIsTriedAgain()
    {
        // Retry-After 600 s is more than Summarizer__MaxRetryAfter (60 s): the call fails fast and the article is scheduled.
        devHost.Model.Script = _ => FakeReply.Throttled(retryAfterSeconds: 600);
        await devHost.Container.UploadBlobAsync("throttled.txt", BinaryData.FromString(SampleArticles.ShortEnglish));
        var retryAt = await WaitForWaitingAsync("throttled.txt");
        var chromium = StartBrowser();

        chromium.Driver.Navigate().GoToUrl(devHost.Host.BaseAddress);
        chromium.WaitFor(d => d.FindElement(By.CssSelector("button.article[data-name='throttled.txt']")), "the article in the list").Click();

        var status = chromium.WaitFor(d => d.FindElement(By.CssSelector("#detail-body .status-line")), "the waiting message");
        Assert.StartsWith("Waiting: the model was unavailable", status.Text, StringComparison.Ordinal);
        Assert.Contains(retryAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), status.Text, StringComparison.Ordinal);
        Assert.Equal(1, devHost.Model.RequestCount);
        Assert.Empty(chromium.SevereConsoleMessages());
    }

    [Fact]
    public async Task Page_NameWithABidiOverride_ShowsTheControlSpelledOutAndTheRefusal()
    {
        // U+202E would make "invoice<RLO>gpj.txt" read as "invoicetxt.jpg"; the service refuses the name (docs/api.md).
        const string name = "invoice\u202Egpj.txt";
        await devHost.Container.UploadBlobAsync(name, BinaryData.FromString(SampleArticles.ShortEnglish));
        var chromium = StartBrowser();

        chromium.Driver.Navigate().GoToUrl(devHost.Host.BaseAddress);
        var item = chromium.WaitFor(d => d.FindElement(By.CssSelector("button.article[data-name='" + name + "']")), "the article in the list");
        var shown = item.FindElement(By.CssSelector(".name")).Text;
        Assert.Equal("invoice⟨U+202E⟩gpj.txt", shown);
        item.Click();

        var heading = chromium.WaitFor(d => d.FindElements(By.Id("detail-heading")).FirstOrDefault(h => h.Text.StartsWith("invoice", StringComparison.Ordinal)), "the detail")!;
        Assert.Equal("invoice⟨U+202E⟩gpj.txt", heading.Text);
        var body = chromium.Driver.FindElement(By.Id("detail-body")).Text;
        Assert.Contains("U+202E", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", chromium.Driver.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Assert.Null(await StoredResults.ReadAsync(devHost.Container, name));
        Assert.Equal(0, devHost.Model.RequestCount);
    }

    private HeadlessChromium StartBrowser(int width = 1280)
    {
        browser = HeadlessChromium.Start(width);
        return browser;
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user would.</summary>
    private static void TabTo(HeadlessChromium chromium, IWebElement target)
    {
        var body = chromium.Driver.FindElement(By.TagName("body"));
        body.SendKeys(Keys.Tab);
        for (var presses = 0; presses < 30; presses++)
        {
            if (chromium.Driver.SwitchTo().ActiveElement().Equals(target))
            {
                return;
            }

            chromium.Driver.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        }

        Assert.Fail("Tab never reached the article button.");
    }

    /// <summary>Saves into the test output; with NEWSUM_UPDATE_SCREENSHOTS=1 also into docs/images for the README.</summary>
    private static void SaveScreenshot(HeadlessChromium chromium, string name)
    {
        var shot = chromium.Driver.GetScreenshot();
        shot.SaveAsFile(Path.Combine(AppContext.BaseDirectory, name));
        if (Environment.GetEnvironmentVariable("NEWSUM_UPDATE_SCREENSHOTS") == "1")
        {
            var target = Path.Combine(RepoPaths.Root, "docs", "images", name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            shot.SaveAsFile(target);
        }
    }

    /// <summary>Waits for <c>GET</c> to answer 202 <c>waiting</c>; returns the time in its Retry-After.</summary>
    private async Task<DateTimeOffset> WaitForWaitingAsync(string name)
    {
        var client = devHost.Host.Client;
        var deadline = DateTime.UtcNow + StoredResults.DefaultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri($"/api/summaries/{name}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.Accepted && response.Headers.RetryAfter?.Date is { } date &&
                (await response.Content.ReadAsStringAsync()).Contains("\"waiting\"", StringComparison.Ordinal))
            {
                return date;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{name} was not waiting within {StoredResults.DefaultTimeout.TotalSeconds} s.");
        return default;
    }

    /// <summary>Waits for the article's final result (ok or rejected; not a waiting marker).</summary>
    private Task WaitForResultAsync(string name) =>
        StoredResults.WaitForAsync(devHost.Container, name, d => d.Status != SummaryStatus.Waiting);
}
