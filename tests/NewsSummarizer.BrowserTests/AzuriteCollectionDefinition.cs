namespace NewsSummarizer.BrowserTests;

/// <summary>One Azurite for every test class in [Collection(AzuriteCollection.Name)]: xunit needs the definition in
/// the test assembly itself.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
