using System;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Single;

namespace Backprop.Generated.Benchmarks.Baselines
{
    /// <summary>
    /// Baseline (c): the same network with MathNet.Numerics matrices and vectors on its managed provider, single-threaded:
    /// one sample is matrix·vector (<c>W.Multiply(x, z)</c>), a batch is matrix·matrix (<c>W.Multiply(X, Z)</c> with
    /// the samples as columns), which is how one uses a linear-algebra library for a batch. Every call writes into
    /// vectors and matrices allocated once (the overloads with a result argument), so it allocates nothing per call.
    /// </summary>
    /// <remarks>As <see cref="JaggedNetwork"/>, it skips the gradient with respect to the network's input.</remarks>
    public sealed class MathNetNetwork : BaselineNetwork, IReferenceNetwork
    {
        private readonly Matrix<float>[] _w;        // [out × in]; MathNet stores it column-major
        private readonly Vector<float>[] _b;
        private readonly Matrix<float>[] _gw;
        private readonly Vector<float>[] _gb;
        private readonly Matrix<float>[] _outer;    // scratch for dz·xᵀ
        // One sample:
        private readonly float[] _input;
        private readonly Vector<float>[] _a;        // _a[0] wraps _input; _a[l + 1] the output of layer l after its activation
        private readonly Vector<float>[] _z;
        private readonly Vector<float>[] _dz;
        private readonly Vector<float>[] _da;       // indexed by l − 1
        private readonly Vector<float>[] _derivative;
        private readonly Vector<float> _target;
        private readonly float[] _targetValues;
        // A batch, the samples as columns (allocated for the batch size last seen):
        private Batch? _batch;

        static MathNetNetwork()
        {
            // The managed provider, on one thread like the others (its matrix products would otherwise be parallel).
            Control.UseManaged();
            Control.UseSingleThread();
        }

        /// <summary>A network of the given shape with zero parameters; set them with <see cref="SetParameters"/>.</summary>
        public MathNetNetwork(NetworkShape shape, float learningRate)
            : base(shape, learningRate)
        {
            int layers = shape.LayerCount;
            _w = new Matrix<float>[layers];
            _gw = new Matrix<float>[layers];
            _outer = new Matrix<float>[layers];
            _b = new Vector<float>[layers];
            _gb = new Vector<float>[layers];
            _a = new Vector<float>[layers + 1];
            _z = new Vector<float>[layers];
            _dz = new Vector<float>[layers];
            _da = new Vector<float>[layers];
            _derivative = new Vector<float>[layers];
            _input = new float[Sizes[0]];
            _a[0] = new DenseVector(_input);   // binds the array, no copy
            for (int l = 0; l < layers; l++)
            {
                int inputs = Sizes[l], outputs = Sizes[l + 1];
                _w[l] = Matrix<float>.Build.Dense(outputs, inputs);
                _gw[l] = Matrix<float>.Build.Dense(outputs, inputs);
                _outer[l] = Matrix<float>.Build.Dense(outputs, inputs);
                _b[l] = Vector<float>.Build.Dense(outputs);
                _gb[l] = Vector<float>.Build.Dense(outputs);
                _z[l] = Vector<float>.Build.Dense(outputs);
                _a[l + 1] = Activations[l] == Activation.None ? _z[l] : Vector<float>.Build.Dense(outputs);
                _dz[l] = Vector<float>.Build.Dense(outputs);
                _da[l] = Vector<float>.Build.Dense(outputs);
                _derivative[l] = Vector<float>.Build.Dense(outputs);
            }
            _targetValues = new float[OutputSize];
            _target = new DenseVector(_targetValues);
        }

        /// <inheritdoc/>
        public string Name => "MathNet";

        /// <inheritdoc/>
        public void Forward(ReadOnlySpan<float> input, Span<float> output)
        {
            RunForward(input);
            Values(_a[_a.Length - 1]).CopyTo(output);
        }

        /// <inheritdoc/>
        public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target)
        {
            RunForward(input);
            int last = _w.Length - 1;
            Vector<float> y = _a[last + 1];
            Vector<float> dy = _dz[last];
            target.CopyTo(_targetValues);
            // loss = (1/K) Σ (y − t)²;  ∂loss/∂y = (2/K)(y − t)
            y.Subtract(_target, dy);
            float loss = dy.DotProduct(dy) / y.Count;
            dy.Multiply(2f / y.Count, dy);
            for (int l = last; l >= 0; l--)
            {
                Vector<float> dz = _dz[l];
                Vector<float> x = _a[l];
                dz.OuterProduct(x, _outer[l]);
                _gw[l].Add(_outer[l], _gw[l]);
                _gb[l].Add(dz, _gb[l]);
                if (l == 0) break;   // no gradient with respect to the network's input
                Vector<float> dx = _da[l - 1];
                _w[l].TransposeThisAndMultiply(dz, dx);
                Vector<float> derivative = _derivative[l - 1];
                if (Activations[l - 1] == Activation.Tanh) x.Map(TanhDerivative, derivative, Zeros.Include);
                else _z[l - 1].Map(ReLUDerivative, derivative, Zeros.Include);
                dx.PointwiseMultiply(derivative, _dz[l - 1]);
            }
            CountSample();
            return loss;
        }

        /// <inheritdoc/>
        public void Step() => Update(BeginStep());

        /// <inheritdoc/>
        public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
        {
            Batch batch = RunForwardBatch(inputs);
            Values(batch.A[batch.A.Length - 1]).CopyTo(outputs);
        }

        /// <inheritdoc/>
        public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
        {
            if (AccumulatedSamples != 0) throw new InvalidOperationException("TrainBatch starts from cleared gradients.");
            Batch batch = RunForwardBatch(inputs);
            int last = _w.Length - 1, count = batch.Count;
            targets.CopyTo(Values(batch.Targets));
            Matrix<float> dy = batch.DZ[last];
            batch.A[last + 1].Subtract(batch.Targets, dy);
            double norm = dy.FrobeniusNorm();
            float loss = (float)(norm * norm / (count * OutputSize));
            dy.Multiply(2f / OutputSize, dy);
            for (int l = last; l >= 0; l--)
            {
                Matrix<float> dz = batch.DZ[l];
                Matrix<float> x = batch.A[l];
                dz.TransposeAndMultiply(x, _gw[l]);   // Σ over the samples of dz·xᵀ = dZ·Xᵀ
                dz.Multiply(batch.Ones, _gb[l]);       // Σ over the samples of dz
                if (l == 0) break;
                Matrix<float> dx = batch.DA[l - 1];
                _w[l].TransposeThisAndMultiply(dz, dx);
                Matrix<float> derivative = batch.Derivative[l - 1];
                if (Activations[l - 1] == Activation.Tanh) x.Map(TanhDerivative, derivative, Zeros.Include);
                else batch.Z[l - 1].Map(ReLUDerivative, derivative, Zeros.Include);
                dx.PointwiseMultiply(derivative, batch.DZ[l - 1]);
            }
            Update(LearningRate / count);
            return loss;
        }

        private protected override void SetLayer(int layer, ReadOnlySpan<float> weights, ReadOnlySpan<float> biases)
        {
            int inputs = Sizes[layer], outputs = Sizes[layer + 1];
            for (int o = 0; o < outputs; o++)
            {
                for (int i = 0; i < inputs; i++) _w[layer][o, i] = weights[o * inputs + i];
            }
            for (int o = 0; o < outputs; o++) _b[layer][o] = biases[o];
        }

        private protected override void GetLayer(int layer, Span<float> weights, Span<float> biases)
        {
            int inputs = Sizes[layer], outputs = Sizes[layer + 1];
            for (int o = 0; o < outputs; o++)
            {
                for (int i = 0; i < inputs; i++) weights[o * inputs + i] = _w[layer][o, i];
            }
            for (int o = 0; o < outputs; o++) biases[o] = _b[layer][o];
        }

        private static float TanhDerivative(float a) => 1f - a * a;

        private static float ReLUDerivative(float z) => z > 0f ? 1f : 0f;

        private static float[] Values(Vector<float> vector) => ((DenseVector)vector).Values;

        private static float[] Values(Matrix<float> matrix) => ((DenseMatrix)matrix).Values;

        private void RunForward(ReadOnlySpan<float> input)
        {
            input.CopyTo(_input);
            for (int l = 0; l < _w.Length; l++)
            {
                _w[l].Multiply(_a[l], _z[l]);
                _z[l].Add(_b[l], _z[l]);
                switch (Activations[l])
                {
                    case Activation.ReLU:
                        _z[l].PointwiseMaximum(0f, _a[l + 1]);
                        break;
                    case Activation.Tanh:
                        _z[l].Map(MathF.Tanh, _a[l + 1], Zeros.Include);
                        break;
                }
            }
        }

        private Batch RunForwardBatch(ReadOnlySpan<float> inputs)
        {
            int count = inputs.Length / InputSize;
            if (_batch == null || _batch.Count != count) _batch = new Batch(Sizes, Activations, count);
            Batch batch = _batch;
            // Samples one after another are exactly the columns of a column-major [in × count] matrix.
            inputs.CopyTo(Values(batch.A[0]));
            for (int l = 0; l < _w.Length; l++)
            {
                Matrix<float> z = batch.Z[l];
                _w[l].Multiply(batch.A[l], z);
                _b[l].OuterProduct(batch.Ones, batch.Bias[l]);   // b broadcast to every column
                z.Add(batch.Bias[l], z);
                switch (Activations[l])
                {
                    case Activation.ReLU:
                        z.PointwiseMaximum(0f, batch.A[l + 1]);
                        break;
                    case Activation.Tanh:
                        z.Map(MathF.Tanh, batch.A[l + 1], Zeros.Include);
                        break;
                }
            }
            return batch;
        }

        private void Update(float rate)
        {
            for (int l = 0; l < _w.Length; l++)
            {
                _gw[l].Multiply(rate, _gw[l]);
                _w[l].Subtract(_gw[l], _w[l]);
                _gw[l].Clear();
                _gb[l].Multiply(rate, _gb[l]);
                _b[l].Subtract(_gb[l], _b[l]);
                _gb[l].Clear();
            }
        }

        /// <summary>The matrices of one batch size: each column one sample.</summary>
        private sealed class Batch
        {
            public Batch(int[] sizes, Activation[] activations, int count)
            {
                int layers = activations.Length;
                Count = count;
                Ones = Vector<float>.Build.Dense(count, 1f);
                A = new Matrix<float>[layers + 1];
                Z = new Matrix<float>[layers];
                Bias = new Matrix<float>[layers];
                DZ = new Matrix<float>[layers];
                DA = new Matrix<float>[layers];
                Derivative = new Matrix<float>[layers];
                A[0] = Matrix<float>.Build.Dense(sizes[0], count);
                for (int l = 0; l < layers; l++)
                {
                    int outputs = sizes[l + 1];
                    Z[l] = Matrix<float>.Build.Dense(outputs, count);
                    A[l + 1] = activations[l] == Activation.None ? Z[l] : Matrix<float>.Build.Dense(outputs, count);
                    Bias[l] = Matrix<float>.Build.Dense(outputs, count);
                    DZ[l] = Matrix<float>.Build.Dense(outputs, count);
                    DA[l] = Matrix<float>.Build.Dense(outputs, count);
                    Derivative[l] = Matrix<float>.Build.Dense(outputs, count);
                }
                Targets = Matrix<float>.Build.Dense(sizes[layers], count);
            }

            public int Count { get; }
            public Vector<float> Ones { get; }
            public Matrix<float>[] A { get; }
            public Matrix<float>[] Z { get; }
            public Matrix<float>[] Bias { get; }
            public Matrix<float>[] DZ { get; }
            public Matrix<float>[] DA { get; }
            public Matrix<float>[] Derivative { get; }
            public Matrix<float> Targets { get; }
        }
    }
}
