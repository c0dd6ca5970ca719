using System;
using System.Numerics.Tensors;

namespace Backprop.Generated.Benchmarks.Baselines
{
    /// <summary>
    /// Baseline (b): the same network on <see cref="TensorPrimitives"/> (System.Numerics.Tensors), which vectorizes each
    /// span operation: one <see cref="TensorPrimitives.Dot{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> per output row forward,
    /// one MultiplyAdd (axpy) per row backward, TensorPrimitives.Tanh and Max for the activations. Weights are flat
    /// per layer, [out][in] row-major as the generated layout. Sizes are known only at run time.
    /// </summary>
    /// <remarks>As <see cref="JaggedNetwork"/>, it skips the gradient with respect to the network's input.</remarks>
    public sealed class TensorPrimitivesNetwork : BaselineNetwork, IReferenceNetwork
    {
        private readonly float[][] _w;    // [layer][out·in], row-major
        private readonly float[][] _b;
        private readonly float[][] _gw;
        private readonly float[][] _gb;
        private readonly float[][] _a;    // _a[0] the input, _a[l + 1] the output of layer l after its activation
        private readonly float[][] _z;    // before the activation (the same array as _a[l + 1] when it has none)
        private readonly float[][] _dz;
        private readonly float[][] _da;   // ∂loss/∂a[l], indexed by l − 1
        private readonly float[][] _derivative;   // scratch for the activation's derivative

        /// <summary>A network of the given shape with zero parameters; set them with <see cref="SetParameters"/>.</summary>
        public TensorPrimitivesNetwork(NetworkShape shape, float learningRate)
            : base(shape, learningRate)
        {
            int layers = shape.LayerCount;
            _w = new float[layers][];
            _b = new float[layers][];
            _gw = new float[layers][];
            _gb = new float[layers][];
            _a = new float[layers + 1][];
            _z = new float[layers][];
            _dz = new float[layers][];
            _da = new float[layers][];
            _derivative = new float[layers][];
            _a[0] = new float[Sizes[0]];
            for (int l = 0; l < layers; l++)
            {
                int inputs = Sizes[l], outputs = Sizes[l + 1];
                _w[l] = new float[outputs * inputs];
                _gw[l] = new float[outputs * inputs];
                _b[l] = new float[outputs];
                _gb[l] = new float[outputs];
                _z[l] = new float[outputs];
                _a[l + 1] = Activations[l] == Activation.None ? _z[l] : new float[outputs];
                _dz[l] = new float[outputs];
                _da[l] = new float[outputs];
                _derivative[l] = new float[outputs];
            }
        }

        /// <inheritdoc/>
        public string Name => "TensorPrimitives";

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
            Span<float> dy = _dz[last];
            // loss = (1/K) Σ (y − t)²;  ∂loss/∂y = (2/K)(y − t)
            TensorPrimitives.Subtract(y, target, dy);
            float loss = TensorPrimitives.SumOfSquares<float>(dy) / y.Length;
            TensorPrimitives.Multiply(dy, 2f / y.Length, dy);
            for (int l = last; l >= 0; l--)
            {
                int inputs = Sizes[l];
                float[] w = _w[l];
                float[] gw = _gw[l];
                float[] dz = _dz[l];
                ReadOnlySpan<float> x = _a[l];
                TensorPrimitives.Add(_gb[l], dz, _gb[l]);
                // ∂loss/∂W += dz · xᵀ, one axpy per row
                for (int o = 0; o < dz.Length; o++)
                {
                    Span<float> gRow = gw.AsSpan(o * inputs, inputs);
                    TensorPrimitives.MultiplyAdd(x, dz[o], gRow, gRow);
                }
                if (l == 0) break;   // no gradient with respect to the network's input
                // ∂loss/∂x = Wᵀ · dz, as a sum of rows scaled by dz
                Span<float> dx = _da[l - 1];
                dx.Clear();
                for (int o = 0; o < dz.Length; o++) TensorPrimitives.MultiplyAdd(w.AsSpan(o * inputs, inputs), dz[o], dx, dx);
                // Through the previous layer's activation.
                Span<float> dzPrevious = _dz[l - 1];
                if (Activations[l - 1] == Activation.Tanh)
                {
                    Span<float> derivative = _derivative[l - 1];
                    TensorPrimitives.Multiply(x, x, derivative);           // a²
                    TensorPrimitives.Subtract(1f, derivative, derivative); // 1 − a²
                    TensorPrimitives.Multiply(dx, derivative, dzPrevious);
                }
                else
                {
                    // TensorPrimitives has no select-by-mask for floats, so the ReLU derivative is a scalar loop.
                    float[] zPrevious = _z[l - 1];
                    for (int i = 0; i < dx.Length; i++) dzPrevious[i] = zPrevious[i] > 0f ? dx[i] : 0f;
                }
            }
            CountSample();
            return loss;
        }

        /// <inheritdoc/>
        public void Step()
        {
            float rate = BeginStep();
            for (int l = 0; l < _w.Length; l++)
            {
                TensorPrimitives.MultiplyAdd(_gw[l], -rate, _w[l], _w[l]);
                TensorPrimitives.MultiplyAdd(_gb[l], -rate, _b[l], _b[l]);
                Array.Clear(_gw[l]);
                Array.Clear(_gb[l]);
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
            weights.CopyTo(_w[layer]);
            biases.CopyTo(_b[layer]);
        }

        private protected override void GetLayer(int layer, Span<float> weights, Span<float> biases)
        {
            _w[layer].AsSpan().CopyTo(weights);
            _b[layer].AsSpan().CopyTo(biases);
        }

        private void RunForward(ReadOnlySpan<float> input)
        {
            input.CopyTo(_a[0]);
            for (int l = 0; l < _w.Length; l++)
            {
                int inputs = Sizes[l];
                ReadOnlySpan<float> w = _w[l];
                ReadOnlySpan<float> x = _a[l];
                float[] b = _b[l];
                float[] z = _z[l];
                for (int o = 0; o < z.Length; o++) z[o] = TensorPrimitives.Dot(w.Slice(o * inputs, inputs), x) + b[o];
                switch (Activations[l])
                {
                    case Activation.ReLU:
                        TensorPrimitives.Max(z, 0f, _a[l + 1]);
                        break;
                    case Activation.Tanh:
                        TensorPrimitives.Tanh<float>(z, _a[l + 1]);
                        break;
                }
            }
        }
    }
}
