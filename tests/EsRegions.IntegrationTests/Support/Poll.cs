namespace EsRegions.IntegrationTests.Support;

/// <summary>Waits for something the app does in the background: looks every 50 ms for up to ten seconds.</summary>
public static class Poll
{
    /// <summary>
    /// Reads until <paramref name="done"/> holds for the value read, for up to ten seconds; returns the last value read
    /// (the caller's assertion on it says what was expected).
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 200 && !done(value); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            value = await read();
        }
        return value;
    }

    /// <summary>Fails the test with <paramref name="failure"/> when <paramref name="done"/> is still false after ten seconds.</summary>
    public static async Task UntilAsync(Func<bool> done, string failure) =>
        Assert.True(await UntilAsync(() => Task.FromResult(done()), d => d), failure);

    /// <summary>The first non-null value <paramref name="find"/> returns within ten seconds, or null.</summary>
    public static Task<T?> ForAsync<T>(Func<T?> find) where T : class =>
        UntilAsync(() => Task.FromResult(find()), found => found is not null);
}
