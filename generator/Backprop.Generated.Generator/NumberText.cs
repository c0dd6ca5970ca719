using System.Globalization;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Numbers as text, the same on every compiler host: for the emitter's literals and Architecture string, and for the
    /// values the parser quotes in its diagnostics.
    /// </summary>
    internal static class NumberText
    {
        /// <summary>An integer, invariant culture.</summary>
        public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// The shortest decimal that parses back to the same double, invariant culture. Found by trying precisions in
        /// turn rather than with "R", whose output differs between .NET Framework (Visual Studio's compiler host) and
        /// .NET: the text goes into Architecture, whose hash weight files are checked against.
        /// </summary>
        public static string Double(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture);
            if (value == 0) return 1 / value < 0 ? "-0" : "0";   // .NET Framework formats −0 as "0", .NET as "-0"
            for (int precision = 1; precision < 17; precision++)
            {
                string text = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (double.Parse(text, CultureInfo.InvariantCulture) == value) return text;
            }
            return value.ToString("G17", CultureInfo.InvariantCulture);
        }

        /// <summary>The shortest decimal that parses back to the same float.</summary>
        public static string Single(float value)
        {
            if (value == 0) return 1 / value < 0 ? "-0" : "0";   // as in Double
            for (int precision = 1; precision < 9; precision++)
            {
                string text = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (float.Parse(text, CultureInfo.InvariantCulture) == value) return text;
            }
            return value.ToString("G9", CultureInfo.InvariantCulture);
        }
    }
}
