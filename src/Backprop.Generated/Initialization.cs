using System;

namespace Backprop.Generated
{
    /// <summary>Parameter initialization used by generated constructors. Deterministic for a given <see cref="SeededRandom"/>.</summary>
    public static class Initialization
    {
        /// <summary>
        /// PyTorch's default for <c>torch.nn.Linear</c>: weights from kaiming_uniform(a = √5), which is
        /// U(−1/√fan_in, 1/√fan_in), and the bias from the same interval.
        /// </summary>
        public static void PyTorchDefault(Span<double> weights, Span<double> bias, int fanIn, SeededRandom random)
        {
            if (random is null) throw new ArgumentNullException(nameof(random));
            double bound = 1.0 / Math.Sqrt(fanIn);
            for (int i = 0; i < weights.Length; i++) weights[i] = random.NextUniform(-bound, bound);
            for (int i = 0; i < bias.Length; i++) bias[i] = random.NextUniform(-bound, bound);
        }

        /// <inheritdoc cref="PyTorchDefault(Span{double}, Span{double}, int, SeededRandom)"/>
        public static void PyTorchDefault(Span<float> weights, Span<float> bias, int fanIn, SeededRandom random)
        {
            if (random is null) throw new ArgumentNullException(nameof(random));
            double bound = 1.0 / Math.Sqrt(fanIn);
            for (int i = 0; i < weights.Length; i++) weights[i] = (float)random.NextUniform(-bound, bound);
            for (int i = 0; i < bias.Length; i++) bias[i] = (float)random.NextUniform(-bound, bound);
        }
    }
}
