using System.Globalization;

namespace Backprop.Samples
{
    /// <summary>Number formats for the samples' output, the same on every machine.</summary>
    public static class Formatting
    {
        /// <summary>A fraction as a percentage with one decimal and no space: 0.9667 → "96.7%".</summary>
        public static string Percent(double fraction) => (100 * fraction).ToString("F1", CultureInfo.InvariantCulture) + "%";
    }
}
