using System;

namespace Backprop.Generated.Benchmarks.Baselines
{
    /// <summary>
    /// Baseline (a): the network as one would write it by hand, with sizes known only at run time: jagged weights
    /// <c>w[layer][out][in]</c>, loops over the layer arrays, plain scalar code (no SIMD, no library).
    /// Mean squared error over the outputs and SGD on the mean gradient of the accumulated samples, as the generated code.
    /// </summary>
    /// <remarks>
    /// Like a hand-written trainer and unlike the generated <c>Backward</c> (which exposes <c>InputGradient</c>), it does
    /// not compute the gradient with respect to the network's input: the first layer's backward pass only accumulates
    /// its weight gradient.
    /// </remarks>
    public sealed class JaggedNetwork : BaselineNetwork, IReferenceNetwork
    {
        private readonly float[][][] _w;       // [layer][out][in]
        private readonly float[][] _b;         // [layer][out]
        private readonly float[][][] _gw;      // accumulated gradients, as _w
        private readonly float[][] _gb;
        private readonly float[][] _a;         // _a[0] the input, _a[l + 1] the output of layer l after its activation
        private readonly float[][] _z;         // the output of layer l before its activation (the same array as _a[l + 1] when it has none)
        private readonly float[][] _dz;        // ∂loss/∂z for layer l
        private readonly float[][] _da;        // ∂loss/∂a[l] for l ≥ 1, indexed by l − 1

        /// <summary>A network of the given shape with zero parameters; set them with <see cref="SetParameters"/>.</summary>
        public JaggedNetwork(NetworkShape shape, float learningRate)
            : base(shape, learningRate)
        {
            int layers = shape.LayerCount;
            _w = new float[layers][][];
            _gw = new float[layers][][];
            _b = new float[layers][];
            _gb = new float[layers][];
            _a = new float[layers + 1][];
            _z = new float[layers][];
            _dz = new float[layers][];
            _da = new float[layers][];
            _a[0] = new float[Sizes[0]];
            for (int l = 0; l < layers; l++)
            {
                int inputs = Sizes[l], outputs = Sizes[l + 1];
                _w[l] = new float[outputs][];
                _gw[l] = new float[outputs][];
                for (int o = 0; o < outputs; o++)
                {
                    _w[l][o] = new float[inputs];
                    _gw[l][o] = new float[inputs];
                }
                _b[l] = new float[outputs];
                _gb[l] = new float[outputs];
                _z[l] = new float[outputs];
                _a[l + 1] = Activations[l] == Activation.None ? _z[l] : new float[outputs];
                _dz[l] = new float[outputs];
                _da[l] = new float[outputs];
            }
        }

        /// <inheritdoc/>
        public string Name => "Jagged";

        /// <inheritdoc/>
        public void Forward(ReadOnlySpan<float> input, Span<float> output)
        {
            RunForward(input);
            _a[_a.Length - 1].AsSpan().CopyTo(output);
        }

        /// <inheritdoc/>
        public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
        {
            int n = InputSize, k = OutputSize;
            for (int s = 0; s < inputs.Length / n; s++) Forward(inputs.Slice(s * n, n), outputs.Slice(s * k, k));
        }

        /// <inheritdoc/>
        public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target)
        {
            RunForward(input);
            int last = _w.Length - 1;
            float[] y = _a[last + 1];
            float[] dy = _dz[last];
            // loss = (1/K) Σ (y − t)²;  ∂loss/∂y = (2/K)(y − t)
            float scale = 2f / y.Length;
            float loss = 0f;
            for (int k = 0; k < y.Length; k++)
            {
                float e = y[k] - target[k];
                loss += e * e;
                dy[k] = scale * e;
            }
            for (int l = last; l >= 0; l--)
            {
                float[][] w = _w[l];
                float[][] gw = _gw[l];
                float[] gb = _gb[l];
                float[] dz = _dz[l];
                float[] x = _a[l];
                if (l == 0)
                {
                    // The first layer: weight and bias gradients only.
                    for (int o = 0; o < dz.Length; o++)
                    {
                        float d = dz[o];
                        gb[o] += d;
                        float[] gRow = gw[o];
                        for (int i = 0; i < x.Length; i++) gRow[i] += d * x[i];
                    }
                    break;
                }
                // Weight gradient and the gradient of this layer's input, in one pass over each row.
                float[] dx = _da[l - 1];
                Array.Clear(dx);
                for (int o = 0; o < dz.Length; o++)
                {
                    float d = dz[o];
                    gb[o] += d;
                    float[] row = w[o];
                    float[] gRow = gw[o];
                    for (int i = 0; i < x.Length; i++)
                    {
                        gRow[i] += d * x[i];
                        dx[i] += row[i] * d;
                    }
                }
                // Through the previous layer's activation.
                float[] dzPrevious = _dz[l - 1];
                if (Activations[l - 1] == Activation.Tanh)
                {
                    for (int i = 0; i < dx.Length; i++) dzPrevious[i] = dx[i] * (1f - x[i] * x[i]);
                }
                else
                {
                    float[] zPrevious = _z[l - 1];
                    for (int i = 0; i < dx.Length; i++) dzPrevious[i] = zPrevious[i] > 0f ? dx[i] : 0f;
                }
            }
            CountSample();
            return loss / y.Length;
        }

        /// <inheritdoc/>
        public void Step()
        {
            float rate = BeginStep();
            for (int l = 0; l < _w.Length; l++)
            {
                float[][] w = _w[l];
                float[][] gw = _gw[l];
                for (int o = 0; o < w.Length; o++)
                {
                    float[] row = w[o];
                    float[] gRow = gw[o];
                    for (int i = 0; i < row.Length; i++) row[i] -= rate * gRow[i];
                    Array.Clear(gRow);
                }
                float[] b = _b[l];
                float[] gb = _gb[l];
                for (int o = 0; o < b.Length; o++) b[o] -= rate * gb[o];
                Array.Clear(gb);
            }
        }

        /// <inheritdoc/>
        public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        {
            int n = InputSize, k = OutputSize, count = inputs.Length / n;
            float total = 0f;
            for (int s = 0; s < count; s++) total += Backward(inputs.Slice(s * n, n), targets.Slice(s * k, k));
            Step();
            return total / count;
        }

        private protected override void SetLayer(int layer, ReadOnlySpan<float> weights, ReadOnlySpan<float> biases)
        {
            int inputs = Sizes[layer];
            float[][] w = _w[layer];
            for (int o = 0; o < w.Length; o++) weights.Slice(o * inputs, inputs).CopyTo(w[o]);
            biases.CopyTo(_b[layer]);
        }

        private protected override void GetLayer(int layer, Span<float> weights, Span<float> biases)
        {
            int inputs = Sizes[layer];
            float[][] w = _w[layer];
            for (int o = 0; o < w.Length; o++) w[o].AsSpan().CopyTo(weights.Slice(o * inputs, inputs));
            _b[layer].AsSpan().CopyTo(biases);
        }

        private void RunForward(ReadOnlySpan<float> input)
        {
            input.CopyTo(_a[0]);
            for (int l = 0; l < _w.Length; l++)
            {
                float[][] w = _w[l];
                float[] b = _b[l];
                float[] x = _a[l];
                float[] z = _z[l];
                for (int o = 0; o < z.Length; o++)
                {
                    float[] row = w[o];
                    float sum = b[o];
                    for (int i = 0; i < x.Length; i++) sum += row[i] * x[i];
                    z[o] = sum;
                }
                float[] a = _a[l + 1];
                switch (Activations[l])
                {
                    case Activation.ReLU:
                        for (int o = 0; o < z.Length; o++) a[o] = z[o] > 0f ? z[o] : 0f;
                        break;
                    case Activation.Tanh:
                        for (int o = 0; o < z.Length; o++) a[o] = MathF.Tanh(z[o]);
                        break;
                }
            }
        }
    }
}
