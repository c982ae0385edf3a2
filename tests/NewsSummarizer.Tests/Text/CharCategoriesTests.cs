using System.Globalization;
using NewsSummarizer.Text;

namespace NewsSummarizer.Tests.Text;

/// <summary>The category table answers exactly as <see cref="char"/> and <see cref="CharUnicodeInfo"/> do, for every
/// one of the 65,536 UTF-16 units (surrogates, unassigned and private-use ones included).</summary>
public sealed class CharCategoriesTests
{
    [Fact]
    public void Classifications_EveryUtf16Unit_AreChars()
    {
        var differences = new List<string>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (CharCategories.Of(c) != CharUnicodeInfo.GetUnicodeCategory(c) ||
                CharCategories.IsLetter(c) != char.IsLetter(c) ||
                CharCategories.IsLetterOrDigit(c) != char.IsLetterOrDigit(c) ||
                CharCategories.IsWhiteSpace(c) != char.IsWhiteSpace(c))
            {
                differences.Add($"U+{i:X4}");
            }
        }

        Assert.Empty(differences);
    }
}
