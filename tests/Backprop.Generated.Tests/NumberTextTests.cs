using System.Globalization;
using Backprop.Generated.Generator;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// How the generator writes numbers into source and into Architecture (whose hash weight files are checked against):
    /// the shortest invariant-culture text that parses back to the same value, the same on every compiler host. .NET
    /// Framework (Visual Studio's host) and .NET format −0 differently, so zero is written by hand.
    /// </summary>
    public class NumberTextTests
    {
        [Theory]
        [InlineData(0.0, "0")]
        [InlineData(-0.0, "-0")]
        [InlineData(0.1, "0.1")]
        [InlineData(-2.5, "-2.5")]
        [InlineData(1e-7, "1E-07")]
        [InlineData(0.30000000000000004, "0.30000000000000004")]
        public void Doubles_are_written_shortest(double value, string expected)
        {
            string text = NumberText.Double(value);
            Assert.Equal(expected, text);
            Assert.Equal(System.BitConverter.DoubleToInt64Bits(value), System.BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)));
        }

        [Theory]
        [InlineData(0f, "0")]
        [InlineData(-0f, "-0")]
        [InlineData(0.1f, "0.1")]
        [InlineData(16777217f, "16777216")]
        [InlineData(3.4028235E+38f, "3.4028235E+38")]
        public void Floats_are_written_shortest(float value, string expected)
        {
            string text = NumberText.Single(value);
            Assert.Equal(expected, text);
            Assert.Equal(System.BitConverter.SingleToInt32Bits(value), System.BitConverter.SingleToInt32Bits(float.Parse(text, CultureInfo.InvariantCulture)));
        }
    }
}
