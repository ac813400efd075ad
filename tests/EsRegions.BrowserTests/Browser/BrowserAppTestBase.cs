using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EsRegions.IntegrationTests.Support;
using Microsoft.Playwright;

namespace EsRegions.BrowserTests.Browser;

/// <summary>
/// The real app on Kestrel at a free loopback port, its own database, and a real headless Chromium (Debian's
/// package, never a downloaded browser) driven by Playwright.
/// </summary>
public abstract class BrowserAppTestBase(PostgresServer postgres) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private EsRegionsAppFactory? _app;
    private readonly ConcurrentDictionary<IRequest, DateTime> _inFlight = new();

    protected IPage Page { get; private set; } = null!;
    protected string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _app = new EsRegionsAppFactory(await postgres.CreateDatabaseAsync());
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Page = await _browser.NewPageAsync(new BrowserNewPageOptions { Locale = "pl-PL" });
        // Generous: a loaded 2-core CI machine hashes passwords and renders pages slowly; a real failure still fails.
        Page.SetDefaultTimeout(60_000);
        Page.SetDefaultNavigationTimeout(60_000);
        // Requests the page has started and not finished, for the description of a failure (a page whose load never
        // ends says which request it is waiting for).
        Page.Request += (_, request) => _inFlight[request] = DateTime.UtcNow;
        Page.RequestFinished += (_, request) => _inFlight.TryRemove(request, out DateTime _);
        Page.RequestFailed += (_, request) => _inFlight.TryRemove(request, out DateTime _);
    }

    protected Task<IResponse?> OpenAsync(string path) => Page.GotoAsync(BaseUrl + path);

    /// <summary>
    /// Waits until the page is at an address matching <paramref name="glob"/> (Playwright's globs: ** any text, * any text
    /// without "/", ? one character) and its document has loaded, as <c>Page.WaitForURLAsync</c> would. That one waits
    /// for Playwright's "load" event, which it sometimes misses after a form's redirect on a loaded machine: twice in
    /// twelve runs of SendInvitationsTests with both cores busy, it waited out its 60 s on a page whose document was
    /// "complete" with no request pending. This asks the document itself, every 100 ms.
    /// </summary>
    /// <param name="glob">The address to wait for.</param>
    /// <param name="when">
    /// A script the loaded document must also make true (e.g. a text that only the next page shows), for a form that
    /// comes back to the same address.
    /// </param>
    protected Task WaitForPageAsync(string glob, string? when = null) => WaitForPageAsync(new Regex(GlobPattern(glob)).IsMatch, when);

    /// <inheritdoc cref="WaitForPageAsync(string, string?)"/>
    protected Task WaitForPageAsync(Regex url) => WaitForPageAsync(url.IsMatch);

    /// <inheritdoc cref="WaitForPageAsync(string, string?)"/>
    protected async Task WaitForPageAsync(Func<string, bool> url, string? when = null)
    {
        var loaded = when is null ? "document.readyState === 'complete'" : $"document.readyState === 'complete' && !!({when})";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (url(Page.Url))
            {
                try
                {
                    if (await Page.EvaluateAsync<bool>(loaded) && url(Page.Url)) return;
                }
                catch (PlaywrightException)
                {
                    // The document went away while it was asked (the navigation went on): ask the next one.
                }
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"After 60 s the page is still at {Page.Url} or has not loaded{(when is null ? "" : $" with {when}")}.");
            await Task.Delay(100);
        }
    }

    private static string GlobPattern(string glob)
    {
        var pattern = new System.Text.StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*') { pattern.Append(".*"); i++; }
            else if (glob[i] == '*') pattern.Append("[^/]*");
            else if (glob[i] == '?') pattern.Append('.');
            else pattern.Append(Regex.Escape(glob[i].ToString()));
        }
        return pattern.Append('$').ToString();
    }

    protected EsRegionsAppFactory App => _app!;

    /// <summary>Every request of the page is signed in as this role of the tenant (test sign-in until the login UI exists).</summary>
    protected Task SignInAsync(string role, string slug) =>
        Page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [TestSignIn.Header] = TestSignIn.As(role, App.TenantId(slug)) });

    /// <summary>A client of the app's API (and pages) signed in as this role of the tenant, for setting up what the browser then shows.</summary>
    protected HttpClient ApiClientAs(string role, string slug)
    {
        var api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        api.DefaultRequestHeaders.Add(TestSignIn.Header, TestSignIn.As(role, App.TenantId(slug)));
        return api;
    }

    /// <summary>
    /// Clicks a button that asks for confirmation first (data-confirm), answers the browser's dialog and returns its
    /// question; fails when no question was asked.
    /// </summary>
    protected async Task<string> ClickAndAnswerAsync(ILocator button, bool confirm)
    {
        string? question = null;
        async void Answer(object? sender, IDialog dialog)
        {
            question = dialog.Message;
            if (confirm) await dialog.AcceptAsync();
            else await dialog.DismissAsync();
        }
        Page.Dialog += Answer;
        try
        {
            await button.ClickAsync();
        }
        finally
        {
            Page.Dialog -= Answer;
        }
        Assert.NotNull(question);
        return question;
    }

    /// <summary>Fails with every violation <see cref="AccessibilityViolationsAsync"/> finds (axe-core), prefixed by <paramref name="where"/>.</summary>
    protected async Task AssertAccessibleAsync(string? where = null)
    {
        var violations = await AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, (where is null ? "" : where + ": ") + string.Join(Environment.NewLine, violations));
    }

    /// <summary>
    /// Violations of WCAG 2.1 A/AA and of axe's best practices (unique landmarks, heading order, content in landmarks) on
    /// the current page, of any impact, described for a failure message.
    /// </summary>
    protected async Task<List<string>> AccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        return result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
    }

    protected sealed class ScrollBoxes
    {
        public int PageWidth { get; set; }
        public int Scrolling { get; set; }
        public int Focusable { get; set; }
        public string[] Wrong { get; set; } = [];
    }

    /// <summary>
    /// The column name a stacked table (site.css, .table-stacked) shows before a cell on a phone, without its colon:
    /// "none" where it shows none (a wider screen).
    /// </summary>
    protected static Task<string> ColumnLabelAsync(ILocator cell) =>
        cell.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content.replaceAll('\"', '').replace(/:? $/, '')");

    /// <summary>
    /// The page's width and its table boxes: how many scroll sideways, how many are keyboard stops, and which break the
    /// rule "a box is a named keyboard stop exactly when it scrolls", or whose name another such box has too (two
    /// regions of one name cannot be told apart in a screen reader's list of landmarks).
    /// </summary>
    protected Task<ScrollBoxes> ScrollBoxesAsync() => Page.EvaluateAsync<ScrollBoxes>("""
        () => {
            const boxes = [...document.querySelectorAll('.table-responsive')];
            const scrolls = b => b.scrollWidth > b.clientWidth + 1;
            const named = b => b.getAttribute('role') === 'region'
                && (document.getElementById(b.getAttribute('aria-labelledby'))?.textContent.trim() ?? '') !== '';
            const name = b => document.getElementById(b.getAttribute('aria-labelledby'))?.textContent.trim() ?? '';
            const regions = boxes.filter(b => b.getAttribute('role') === 'region').map(name);
            const wrong = boxes.filter(b => scrolls(b) !== (b.tabIndex === 0 && b.hasAttribute('tabindex')) || (scrolls(b) && !named(b)))
                .map(b => (b.querySelector('caption')?.textContent.trim() ?? '(no caption)') + (scrolls(b) ? ' scrolls' : ' fits'))
                .concat(regions.filter((n, i) => regions.indexOf(n) !== i).map(n => n + ' repeats a name'));
            return { pageWidth: document.documentElement.scrollWidth, scrolling: boxes.filter(scrolls).length,
                focusable: boxes.filter(b => b.hasAttribute('tabindex')).length, wrong };
        }
        """);

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed) await DescribePageAsync();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await postgres.DropDatabaseAsync(_app.Database);
        }
    }

    /// <summary>
    /// After a failure, writes where the page was and what it said (the address, its title, the first lines of its
    /// main region) into the test's output, and a screenshot next to the test results: a timeout after a click
    /// otherwise tells nothing about what the app answered.
    /// </summary>
    private async Task DescribePageAsync()
    {
        var output = TestContext.Current.TestOutputHelper;
        try
        {
            var main = await Page.Locator("main").CountAsync() > 0 ? await Page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 }) : await Page.ContentAsync();
            output?.WriteLine($"Page at the failure: {Page.Url}{Environment.NewLine}Title: {await Page.TitleAsync()}{Environment.NewLine}" +
                              $"Document: {await Page.EvaluateAsync<string>("document.readyState")}; requests not finished: " +
                              (_inFlight.IsEmpty ? "none" : string.Join(", ", _inFlight.Select(r =>
                                  $"{r.Key.Method} {r.Key.Url} ({(DateTime.UtcNow - r.Value).TotalSeconds:0} s)"))) + Environment.NewLine +
                              (main.Length > 2_000 ? main[..2_000] + " …" : main));
            var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "failures")).FullName;
            var file = Path.Combine(folder, $"{TestContext.Current.Test?.TestDisplayName ?? "test"}.png".Replace('/', '_'));
            await Page.ScreenshotAsync(new() { Path = file, FullPage = true, Timeout = 10_000 });
            output?.WriteLine($"Screenshot: {file}");
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or IOException)
        {
            output?.WriteLine($"The page could not be described after the failure: {ex.Message}");
        }
    }
}
