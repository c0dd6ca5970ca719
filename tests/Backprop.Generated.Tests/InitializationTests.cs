using System;
using System.Linq;
using Xunit;

namespace Backprop.Generated.Tests
{
    [Network(Precision.Double, Init = Initializer.XavierUniform)]
    [Input(200)]
    [Dense(100)] [ReLU]
    [Dense(300, Init = Initializer.KaimingNormal)] [Tanh]
    [Dense(50, Init = Initializer.Zeros)]
    [Dense(400, Init = Initializer.PyTorchDefault)]
    [Dense(60, Init = Initializer.XavierNormal)]
    [Dense(7, Init = Initializer.KaimingUniform)]
    public partial class InitNet { }

    /// <summary>Each initializer draws from its distribution: bounds for uniform ones, the standard deviation for normal ones.</summary>
    public sealed class InitializationTests
    {
        private static readonly InitNet Net = new(seed: 1234);

        private static void Uniform(double[] values, double bound)
        {
            Assert.All(values, v => Assert.InRange(v, -bound, bound));
            Assert.True(values.Max() > 0.95 * bound && values.Min() < -0.95 * bound, "the draws should fill the interval");
            Standard(values, bound / Math.Sqrt(3));
        }

        private static void Standard(double[] values, double std)
        {
            double mean = values.Average();
            double sd = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
            double tolerance = 4 * std / Math.Sqrt(values.Length);
            Assert.True(Math.Abs(mean) < tolerance, $"mean {mean} should be near 0 (±{tolerance})");
            Assert.True(Math.Abs(sd - std) < 0.05 * std, $"standard deviation {sd} should be near {std}");
        }

        [Fact]
        public void Network_default_applies_where_a_layer_sets_none() => Uniform(Net.Layer0Weights.ToArray(), Math.Sqrt(6.0 / (200 + 100)));

        [Fact]
        public void Kaiming_normal_has_std_sqrt_2_over_fan_in() => Standard(Net.Layer2Weights.ToArray(), Math.Sqrt(2.0 / 100));

        [Fact]
        public void Zeros_are_zeros()
        {
            Assert.All(Net.Layer4Weights.ToArray(), v => Assert.Equal(0.0, v));
            Assert.All(Net.Layer4Bias.ToArray(), v => Assert.Equal(0.0, v));
        }

        [Fact]
        public void PyTorch_default_draws_weights_and_biases_from_one_over_sqrt_fan_in()
        {
            Uniform(Net.Layer5Weights.ToArray(), 1 / Math.Sqrt(50));
            Assert.All(Net.Layer5Bias.ToArray(), v => Assert.InRange(v, -1 / Math.Sqrt(50), 1 / Math.Sqrt(50)));
            Assert.True(Net.Layer5Bias.ToArray().Count(v => v != 0) > 390);
        }

        [Fact]
        public void Xavier_normal_and_kaiming_uniform()
        {
            Standard(Net.Layer6Weights.ToArray(), Math.Sqrt(2.0 / (400 + 60)));
            double bound = Math.Sqrt(6.0 / 60);
            Assert.All(Net.Layer7Weights.ToArray(), v => Assert.InRange(v, -bound, bound));
            Standard(Net.Layer7Weights.ToArray(), bound / Math.Sqrt(3));
        }

        [Fact]
        public void Schemes_other_than_the_default_start_biases_at_zero()
        {
            Assert.All(Net.Layer0Bias.ToArray().Concat(Net.Layer2Bias.ToArray()).Concat(Net.Layer6Bias.ToArray()), v => Assert.Equal(0.0, v));
        }

        [Fact]
        public void Initialization_is_deterministic_per_seed()
        {
            Assert.Equal(Net.Parameters.ToArray(), new InitNet(1234).Parameters.ToArray());
            Assert.NotEqual(Net.Parameters.ToArray(), new InitNet(1235).Parameters.ToArray());
        }

        [Fact]
        public void Gaussian_draws_are_standard_normal()
        {
            var random = new SeededRandom(9);
            double[] draws = Enumerable.Range(0, 20000).Select(_ => random.NextGaussian()).ToArray();
            Standard(draws, 1.0);
            Assert.InRange(draws.Count(d => Math.Abs(d) < 1) / 20000.0, 0.67, 0.70);   // 68.3% within one σ
        }
    }
}
