using System;
using System.Collections.Generic;
using Xunit;

namespace Backprop.Generated.Tests.Infrastructure
{
    /// <summary>
    /// Closeness with a tolerance relative to the expected value: |actual − expected| ≤ tol·max(1, |expected|), so the
    /// tolerance is absolute for values up to 1 and relative beyond. NaN is never close. The float overloads compute in
    /// float, as a comparison of two float results written out by hand does; the double ones in double.
    /// A failure names the value (<c>what</c>, with the index for a sequence), both values, the difference and the bound.
    /// </summary>
    public static class Close
    {
        public static bool Within(double expected, double actual, double tolerance)
            => Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected));

        public static bool Within(float expected, float actual, float tolerance)
            => Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected));

        public static void One(double expected, double actual, double tolerance, string what)
        {
            if (!Within(expected, actual, tolerance))
            {
                double bound = tolerance * Math.Max(1, Math.Abs(expected));
                Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(actual - expected):E3}, allowed {bound:E3})");
            }
        }

        public static void One(float expected, float actual, float tolerance, string what)
        {
            if (!Within(expected, actual, tolerance))
            {
                float bound = tolerance * Math.Max(1, Math.Abs(expected));
                Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(actual - expected):E3}, allowed {bound:E3})");
            }
        }

        public static void All(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
        {
            Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
            for (int i = 0; i < expected.Count; i++) One(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }

        public static void All(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance, string what)
        {
            Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}");
            for (int i = 0; i < expected.Length; i++) One(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }
    }
}
