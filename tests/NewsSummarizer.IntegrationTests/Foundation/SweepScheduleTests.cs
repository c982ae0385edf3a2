using NewsSummarizer.DevHost;

namespace NewsSummarizer.IntegrationTests.Foundation;

/// <summary>How often the DevHost's sweep lists the container: at the interval while a listing is cheap, and never
/// more than a tenth of the time listing when it is not (a container of many thousand blobs).</summary>
public sealed class SweepScheduleTests
{
    [Theory]
    [InlineData(250, 4, 250)]
    [InlineData(250, 25, 250)]
    [InlineData(250, 26, 260)]
    [InlineData(250, 400, 4000)]
    [InlineData(500, 0, 500)]
    public void NextListingAfter_ListingShareStaysAtMostATenth(int intervalMs, int listingMs, int expectedMs)
    {
        var next = MissedArticleSweep.NextListingAfter(TimeSpan.FromMilliseconds(intervalMs), TimeSpan.FromMilliseconds(listingMs));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), next);
    }
}
