using System.Text;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// The written form of a connectivity mask: rows separated by white space, ',', ';' or '|'; in a row, '1' or 'x'
    /// is a connection and '0' or '.' is none. Normalized to '1'/'0' rows joined by '|'.
    /// </summary>
    internal static class MaskText
    {
        public static string? Normalize(string text, out char invalid)
        {
            invalid = '\0';
            var builder = new StringBuilder();
            bool rowOpen = false;
            foreach (char c in text)
            {
                char bit;
                if (c == '1' || c == 'x' || c == 'X') bit = '1';
                else if (c == '0' || c == '.') bit = '0';
                else if (char.IsWhiteSpace(c) || c == ',' || c == ';' || c == '|')
                {
                    rowOpen = false;
                    continue;
                }
                else
                {
                    invalid = c;
                    return null;
                }
                if (!rowOpen && builder.Length > 0) builder.Append('|');
                rowOpen = true;
                builder.Append(bit);
            }
            return builder.ToString();
        }

        /// <summary>Splits a normalized mask into rows of booleans (true = connected).</summary>
        public static bool[][] Rows(string normalized)
        {
            if (normalized.Length == 0) return new bool[0][];
            string[] parts = normalized.Split('|');
            var rows = new bool[parts.Length][];
            for (int r = 0; r < parts.Length; r++)
            {
                rows[r] = new bool[parts[r].Length];
                for (int c = 0; c < parts[r].Length; c++) rows[r][c] = parts[r][c] == '1';
            }
            return rows;
        }
    }
}
