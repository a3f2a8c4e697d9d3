using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Turns;
using TriageBot.Storage;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Storage;

/// <summary>
/// A turn starts from the state this process saved last, without reading it back; when another process has saved the
/// conversation since, the stale copy fails the version check, is dropped, and the next load reads the store.
/// </summary>
public sealed class ConversationStateCacheTests
{
    private static readonly ConversationKey Key = new("msteams", "a:cache-test");

    [Fact]
    public void KeepsTheMostRecentlyUsed_UpToItsCapacity()
    {
        var cache = new ConversationStateCache(capacity: 2);
        cache.Set(new ConversationKey("msteams", "one"), "{\"n\":1}", 1);
        cache.Set(new ConversationKey("msteams", "two"), "{\"n\":2}", 1);
        Assert.True(cache.TryGet(new ConversationKey("msteams", "one"), out _, out _));

        cache.Set(new ConversationKey("msteams", "three"), "{\"n\":3}", 1);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet(new ConversationKey("msteams", "one"), out var json, out var version));
        Assert.Equal(("{\"n\":1}", 1L), (json, version));
        Assert.False(cache.TryGet(new ConversationKey("msteams", "two"), out _, out _));
        Assert.True(cache.TryGet(new ConversationKey("msteams", "three"), out _, out _));
    }

    [Fact]
    public void ASecondSet_ReplacesTheEntry_AndRemoveForgetsIt_AndCapacityZeroKeepsNothing()
    {
        var cache = new ConversationStateCache(capacity: 4);
        cache.Set(Key, "{}", 1);
        cache.Set(Key, "{\"later\":true}", 2);
        Assert.True(cache.TryGet(Key, out var json, out var version));
        Assert.Equal(("{\"later\":true}", 2L), (json, version));

        cache.Remove(Key);
        Assert.False(cache.TryGet(Key, out _, out _));

        var off = new ConversationStateCache(capacity: 0);
        off.Set(Key, "{}", 1);
        Assert.False(off.TryGet(Key, out _, out _));
    }

    [Fact]
    public async Task AStateSavedMeanwhileByAnotherProcess_MakesTheStaleSaveFail_ThenTheStoreIsReadAgain()
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-cache-").FullName;
        await using var first = await TestBotHost.StartAsync(folder: folder);
        await using var second = await TestBotHost.StartAsync(folder: folder);
        var storeOfFirst = first.Services.GetRequiredService<IConversationStateStore>();
        var storeOfSecond = second.Services.GetRequiredService<IConversationStateStore>();

        // The first process saves version 1 and keeps it in memory.
        Assert.True(await storeOfFirst.TrySaveAsync(Key, StateWith("by", "first"), 0, [], CancellationToken.None));

        // The second process reads it from the store and saves version 2.
        var read = await storeOfSecond.LoadAsync(Key, CancellationToken.None);
        Assert.Equal(1, read.Version);
        Assert.True(await storeOfSecond.TrySaveAsync(Key, StateWith("by", "second"), read.Version, [], CancellationToken.None));

        // The first still holds version 1: its save is refused, nothing is overwritten.
        var stale = await storeOfFirst.LoadAsync(Key, CancellationToken.None);
        Assert.Equal(1, stale.Version);
        Assert.False(await storeOfFirst.TrySaveAsync(Key, StateWith("by", "first, stale"), stale.Version, [], CancellationToken.None));

        // The refused save dropped the stale copy: the next load is the store's version 2, and saving on it works.
        var fresh = await storeOfFirst.LoadAsync(Key, CancellationToken.None);
        Assert.Equal(2, fresh.Version);
        Assert.Equal("second", fresh.State.Values["by"]?.GetValue<string>());
        Assert.True(await storeOfFirst.TrySaveAsync(Key, StateWith("by", "first, again"), fresh.Version, [], CancellationToken.None));
        Assert.Contains("first, again", (await second.ReadStateJsonAsync(Key.ConversationId))!, StringComparison.Ordinal);
    }

    private static DialogState StateWith(string key, string value)
    {
        var state = DialogState.Empty();
        state.Values[key] = value;
        return state;
    }
}
