namespace NewsSummarizer.Tests;

/// <summary>Short articles in Arabic and English, long enough to pass the word minimum.</summary>
internal static class SampleTexts
{
    public const string English =
        "The finance minister said on Monday that the new budget will fund schools and hospitals across the country. " +
        "Parliament is expected to vote on the plan next week, and the opposition has asked for more money for roads.\n\n" +
        "Economists said the plan was cautious, but that it would help families who were hit hard by rising prices.";

    // No curly quotes: ISO-8859-6 has none.
    public const string Arabic =
        "ناقش وزيرا الخارجية الأميركي والتركي هاتفيا التنسيق بين بلديهما على خلفية التوتر في أوكرانيا.\n\n" +
        "وذكرت وزارة الخارجية الأميركية في بيان أن الوزيرين ناقشا أهمية التنسيق المستمر بشأن التهديد الناجم عن التصعيد في المنطقة.\n\n" +
        "وأضافت الوزارة أن الوزيرين ناقشا أيضا المسائل المتعلقة بالقرن الأفريقي وفرص تعزيز التعاون الثنائي بين البلدين.";

    public const string Mixed =
        "قال الرئيس التنفيذي لشركة OpenAI إن الشركة ستطلق نموذجا جديدا في شهر مارس المقبل بعد اختبارات طويلة.\n\n" +
        "The company said the model would be available to developers through its API, and that prices would fall.\n\n" +
        "وأضاف أن النموذج الجديد سيدعم اللغة العربية بشكل أفضل من النماذج السابقة في الترجمة والتلخيص.";
}
