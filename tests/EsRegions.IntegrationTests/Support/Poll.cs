namespace EsRegions.IntegrationTests.Support;

/// <summary>Waits for something the app does in the background: looks every 50 ms for up to ten seconds.</summary>
public static class Poll
{
    /// <summary>Fails the test with <paramref name="failure"/> when <paramref name="done"/> is still false after ten seconds.</summary>
    public static async Task UntilAsync(Func<bool> done, string failure)
    {
        for (var i = 0; i < 200 && !done(); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.True(done(), failure);
    }

    /// <summary>The first non-null value <paramref name="find"/> returns within ten seconds, or null.</summary>
    public static async Task<T?> ForAsync<T>(Func<T?> find) where T : class
    {
        var found = find();
        for (var i = 0; i < 200 && found is null; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            found = find();
        }
        return found;
    }
}
