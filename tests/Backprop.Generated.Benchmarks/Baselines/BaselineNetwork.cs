using System;
using System.Runtime.CompilerServices;

namespace Backprop.Generated.Benchmarks.Baselines
{
    /// <summary>
    /// What the three baselines share and do not time: the shape they are built from, the generated parameter layout
    /// they copy in and out, and the count of accumulated samples that a step averages over. How each one computes
    /// (forward, backward, the update, the loops over the samples of a batch) stays in the baseline itself.
    /// </summary>
    /// <remarks>
    /// The benchmarks call every baseline on its own sealed type, and nothing here is virtual on those paths: the
    /// members the timed methods use are fields and small non-virtual members that inline where they are used. The one
    /// abstract pair, <see cref="SetLayer"/> and <see cref="GetLayer"/>, copies parameters, which only the setup and
    /// the verification do.
    /// </remarks>
    public abstract class BaselineNetwork
    {
        /// <summary>Widths: <c>Sizes[0]</c> is the input, <c>Sizes[l + 1]</c> the output of dense layer l.</summary>
        private protected readonly int[] Sizes;

        /// <summary>The activation after each dense layer.</summary>
        private protected readonly Activation[] Activations;

        /// <summary>The SGD learning rate.</summary>
        private protected readonly float LearningRate;

        private readonly Range[] _weights;   // where each layer's W lies in the generated layout
        private readonly Range[] _biases;    // and its b
        private readonly int _parameterCount;
        private int _samples;

        /// <summary>Copies the sizes and activations of <paramref name="shape"/>.</summary>
        private protected BaselineNetwork(NetworkShape shape, float learningRate)
        {
            int layers = shape.LayerCount;
            Sizes = new int[layers + 1];
            Activations = new Activation[layers];
            for (int l = 0; l <= layers; l++) Sizes[l] = shape.Sizes[l];
            for (int l = 0; l < layers; l++) Activations[l] = shape.Activations[l];
            LearningRate = learningRate;
            _weights = new Range[layers];
            _biases = new Range[layers];
            int offset = 0;
            for (int l = 0; l < layers; l++)
            {
                int weights = Sizes[l] * Sizes[l + 1], biases = Sizes[l + 1];
                _weights[l] = offset..(offset + weights);
                _biases[l] = (offset + weights)..(offset + weights + biases);
                offset += weights + biases;
            }
            _parameterCount = offset;
        }

        /// <summary>Features per input sample.</summary>
        private protected int InputSize => Sizes[0];

        /// <summary>Values per output sample.</summary>
        private protected int OutputSize => Sizes[Sizes.Length - 1];

        /// <summary>The samples whose gradients have been accumulated since the last step.</summary>
        private protected int AccumulatedSamples => _samples;

        /// <summary>Replaces every parameter, in the generated layout (per dense layer W [out][in] row-major, then b).</summary>
        public void SetParameters(ReadOnlySpan<float> parameters)
        {
            if (parameters.Length != _parameterCount) throw new ArgumentException("Expected " + _parameterCount + " parameters, got " + parameters.Length + ".", nameof(parameters));
            for (int l = 0; l < _weights.Length; l++) SetLayer(l, parameters[_weights[l]], parameters[_biases[l]]);
        }

        /// <summary>Copies every parameter out, in the generated layout.</summary>
        public void GetParameters(Span<float> parameters)
        {
            for (int l = 0; l < _weights.Length; l++) GetLayer(l, parameters[_weights[l]], parameters[_biases[l]]);
        }

        /// <summary>Replaces layer <paramref name="layer"/>'s W ([out][in] row-major) and b.</summary>
        private protected abstract void SetLayer(int layer, ReadOnlySpan<float> weights, ReadOnlySpan<float> biases);

        /// <summary>Copies out layer <paramref name="layer"/>'s W ([out][in] row-major) and b.</summary>
        private protected abstract void GetLayer(int layer, Span<float> weights, Span<float> biases);

        /// <summary>Counts one more sample whose gradient has been accumulated (at the end of its backward pass).</summary>
        private protected void CountSample() => _samples++;

        /// <summary>
        /// Begins an SGD step on the mean of the accumulated gradients: returns the learning rate over their sample count
        /// and starts the count again.
        /// </summary>
        /// <exception cref="InvalidOperationException">No sample has been accumulated.</exception>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]   // as it stood inline at the start of each Step
        private protected float BeginStep()
        {
            if (_samples == 0) throw new InvalidOperationException("Step needs at least one accumulated sample.");
            float rate = LearningRate / _samples;
            _samples = 0;
            return rate;
        }
    }
}
