using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace NewsSummarizer.BrowserTests;

/// <summary>Debian's headless Chromium driven by Debian's chromedriver, with a fresh profile deleted afterwards and
/// every background network feature off, so the only requests it makes are the page's own (on loopback).
/// A missing browser or driver fails the test with the install command: it never skips.</summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string InstallHint = "Install them with: apt-get update && apt-get install -y chromium chromium-driver fonts-dejavu-core";

    private static readonly Lazy<string?> Installation = new(TryInstall);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string profile;

    private HeadlessChromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        this.profile = profile;
    }

    public ChromeDriver Driver { get; }

    /// <param name="width">Window width in CSS pixels; the page is one column under 700.</param>
    public static HeadlessChromium Start(int width = 1280, int height = 1000)
    {
        var browser = Environment.GetEnvironmentVariable("CHROMIUM_BIN") ?? "/usr/bin/chromium";
        var driverPath = Environment.GetEnvironmentVariable("CHROMEDRIVER_BIN") ?? "/usr/bin/chromedriver";
        if ((!File.Exists(browser) || !File.Exists(driverPath)) && Installation.Value is { } failure)
        {
            throw new InvalidOperationException(failure);
        }

        foreach (var (path, what) in new[] { (browser, "Chromium"), (driverPath, "chromedriver") })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{what} is missing: {path} does not exist. {InstallHint}");
            }
        }

        var profile = Directory.CreateTempSubdirectory("newsum-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage",
            $"--user-data-dir={profile}", $"--window-size={width},{height}", "--lang=en-US");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        try
        {
            return new HeadlessChromium(new ChromeDriver(service, options, Timeout), profile);
        }
        catch
        {
            service.Dispose();
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>The test setup installs what it needs where it may (root with apt-get, as on CI machines); anywhere
    /// else it says what to install. Returns the reason it could not, or <c>null</c>.</summary>
    private static string? TryInstall()
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return $"Chromium or chromedriver is missing and this user cannot install them. {InstallHint}";
        }

        foreach (var arguments in new[] { "update -qq", "install -y -qq chromium chromium-driver fonts-dejavu-core" })
        {
            var start = new System.Diagnostics.ProcessStartInfo("apt-get", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = System.Diagnostics.Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                return $"Installing Chromium failed (apt-get {arguments}: exit {process.ExitCode}: {errors.Result.Trim()}). {InstallHint}";
            }
        }

        return null;
    }

    /// <summary>Waits (up to 30 s) until <paramref name="condition"/> returns something other than null or false.</summary>
    public T WaitFor<T>(Func<IWebDriver, T> condition, string what)
    {
        var wait = new WebDriverWait(Driver, Timeout) { Message = $"Timed out waiting for {what}." };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    /// <summary>Console messages at SEVERE (script errors, CSP violations, failed loads) since the last call.</summary>
    public IReadOnlyList<string> SevereConsoleMessages() =>
        [.. Driver.Manage().Logs.GetLog(LogType.Browser).Where(entry => entry.Level == LogLevel.Severe).Select(entry => entry.Message)];

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        TryDelete(profile);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile while it exits; the folder is in the temp directory.
        }
    }
}
