using System.Text;

namespace NewsSummarizer.Testing.Documents;

/// <summary>Contextual shaping into Arabic Presentation Forms-B, as PDF producers without a text layer of their own
/// write it: each letter replaced by its isolated, final, initial or medial glyph, lam-alef as one ligature.
/// Written apart from the extractor's own form table, so a test compares two independent readings of Unicode.</summary>
public static class ArabicShaper
{
    // Letter -> (isolated form, joins to the following letter). Forms follow as final +1, initial +2, medial +3.
    private static readonly Dictionary<char, (int Isolated, bool DualJoining)> Letters = new()
    {
        ['ء'] = (0xFE80, false), ['آ'] = (0xFE81, false), ['أ'] = (0xFE83, false), ['ؤ'] = (0xFE85, false),
        ['إ'] = (0xFE87, false), ['ئ'] = (0xFE89, true), ['ا'] = (0xFE8D, false), ['ب'] = (0xFE8F, true),
        ['ة'] = (0xFE93, false), ['ت'] = (0xFE95, true), ['ث'] = (0xFE99, true), ['ج'] = (0xFE9D, true),
        ['ح'] = (0xFEA1, true), ['خ'] = (0xFEA5, true), ['د'] = (0xFEA9, false), ['ذ'] = (0xFEAB, false),
        ['ر'] = (0xFEAD, false), ['ز'] = (0xFEAF, false), ['س'] = (0xFEB1, true), ['ش'] = (0xFEB5, true),
        ['ص'] = (0xFEB9, true), ['ض'] = (0xFEBD, true), ['ط'] = (0xFEC1, true), ['ظ'] = (0xFEC5, true),
        ['ع'] = (0xFEC9, true), ['غ'] = (0xFECD, true), ['ف'] = (0xFED1, true), ['ق'] = (0xFED5, true),
        ['ك'] = (0xFED9, true), ['ل'] = (0xFEDD, true), ['م'] = (0xFEE1, true), ['ن'] = (0xFEE5, true),
        ['ه'] = (0xFEE9, true), ['و'] = (0xFEED, false), ['ى'] = (0xFEEF, false), ['ي'] = (0xFEF1, true),
    };

    private static readonly Dictionary<char, int> LamAlef = new() { ['آ'] = 0xFEF5, ['أ'] = 0xFEF7, ['إ'] = 0xFEF9, ['ا'] = 0xFEFB };

    public static string Shape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Letters.TryGetValue(c, out var letter))
            {
                builder.Append(c);
                continue;
            }

            var joinsPrevious = i > 0 && Letters.TryGetValue(text[i - 1], out var previous) && previous.DualJoining;
            if (c == 'ل' && i + 1 < text.Length && LamAlef.TryGetValue(text[i + 1], out var ligature))
            {
                builder.Append((char)(ligature + (joinsPrevious ? 1 : 0)));
                i++;
                continue;
            }

            var joinsNext = letter.DualJoining && i + 1 < text.Length && Letters.ContainsKey(text[i + 1]);
            var form = (joinsPrevious, joinsNext) switch
            {
                (true, true) => 3,
                (false, true) => 2,
                (true, false) => 1,
                _ => 0,
            };
            builder.Append((char)(letter.Isolated + (letter.DualJoining ? form : c == 'ء' ? 0 : Math.Min(form, 1))));
        }

        return builder.ToString();
    }
}
