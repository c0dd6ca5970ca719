using System;

namespace Backprop.Generated
{
    /// <summary>Parameter initialization used by generated constructors. Deterministic for a given <see cref="SeededRandom"/>.</summary>
    public static class Initialization
    {
        /// <summary>
        /// Fills one dense layer's weights (and bias, which may be empty) by <paramref name="scheme"/>; see
        /// <see cref="Initializer"/> for each formula. fan_in counts every input, masked or not, as PyTorch does.
        /// </summary>
        public static void Initialize(Span<double> weights, Span<double> bias, int fanIn, int fanOut, Initializer scheme, SeededRandom random)
        {
            if (random is null) throw new ArgumentNullException(nameof(random));
            Draw(scheme, fanIn, fanOut, out double weightScale, out bool normal, out double biasBound);
            for (int i = 0; i < weights.Length; i++) weights[i] = normal ? weightScale * random.NextGaussian() : random.NextUniform(-weightScale, weightScale);
            for (int i = 0; i < bias.Length; i++) bias[i] = biasBound == 0 ? 0 : random.NextUniform(-biasBound, biasBound);
        }

        /// <inheritdoc cref="Initialize(Span{double}, Span{double}, int, int, Initializer, SeededRandom)"/>
        public static void Initialize(Span<float> weights, Span<float> bias, int fanIn, int fanOut, Initializer scheme, SeededRandom random)
        {
            if (random is null) throw new ArgumentNullException(nameof(random));
            Draw(scheme, fanIn, fanOut, out double weightScale, out bool normal, out double biasBound);
            for (int i = 0; i < weights.Length; i++) weights[i] = (float)(normal ? weightScale * random.NextGaussian() : random.NextUniform(-weightScale, weightScale));
            for (int i = 0; i < bias.Length; i++) bias[i] = biasBound == 0 ? 0f : (float)random.NextUniform(-biasBound, biasBound);
        }

        // weightScale is the uniform bound, or the standard deviation when normal is true.
        private static void Draw(Initializer scheme, int fanIn, int fanOut, out double weightScale, out bool normal, out double biasBound)
        {
            if (fanIn <= 0) throw new ArgumentOutOfRangeException(nameof(fanIn), fanIn, "fan_in must be positive.");
            if (fanOut <= 0) throw new ArgumentOutOfRangeException(nameof(fanOut), fanOut, "fan_out must be positive.");
            normal = false;
            biasBound = 0;
            switch (scheme)
            {
                case Initializer.PyTorchDefault:
                    weightScale = 1.0 / Math.Sqrt(fanIn);
                    biasBound = weightScale;
                    break;
                case Initializer.XavierUniform:
                    weightScale = Math.Sqrt(6.0 / (fanIn + fanOut));
                    break;
                case Initializer.XavierNormal:
                    weightScale = Math.Sqrt(2.0 / (fanIn + fanOut));
                    normal = true;
                    break;
                case Initializer.KaimingUniform:
                    weightScale = Math.Sqrt(6.0 / fanIn);
                    break;
                case Initializer.KaimingNormal:
                    weightScale = Math.Sqrt(2.0 / fanIn);
                    normal = true;
                    break;
                case Initializer.Zeros:
                    weightScale = 0;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown initializer.");
            }
        }
    }
}
