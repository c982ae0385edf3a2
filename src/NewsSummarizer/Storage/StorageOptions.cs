using System.ComponentModel.DataAnnotations;

namespace NewsSummarizer.Storage;

/// <summary>Where articles live. Bound from the configuration root: <c>ArticlesContainer</c>.</summary>
public sealed class StorageOptions
{
    public const string DefaultContainer = "articles";

    /// <summary>Container names: 3-63 lower-case letters, digits and single hyphens.</summary>
    [Required]
    [RegularExpression("^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
        ErrorMessage = "ArticlesContainer must be a valid container name: 3-63 lower-case letters, digits and single hyphens.")]
    public string ArticlesContainer { get; set; } = DefaultContainer;
}
