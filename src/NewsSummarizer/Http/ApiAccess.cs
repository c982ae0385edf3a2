namespace NewsSummarizer.Http;

/// <summary>Who may call a route in Azure: anyone, or a caller with a function key. The DevHost listens on loopback
/// only and asks for no key.</summary>
public enum ApiAccess
{
    Anonymous,
    FunctionKey,
}
