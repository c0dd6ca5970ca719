using System;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Backprop.Generated.Tests.Infrastructure;
using Backprop.Generated.Tests.Networks;
using Xunit;

namespace Backprop.Generated.Tests.Networks
{
    // A packed layer and nothing after it: Inference's output is that layer's sums, in the kernel's order.
    [Network(Precision.Single)]
    [Input(784)] [Dense(128)]
    public partial class PackedSingle { }

    [Network(Precision.Double)]
    [Input(70)] [Dense(64)]
    public partial class PackedDouble { }

    // 111 inputs × 80 outputs without a bias (35 KB): at 512 bits five vectors in two sets of 55 inputs and one left over;
    // at 256 bits a block of eight vectors, then two in four sets of 27 inputs and three left over.
    [Network(Precision.Single)]
    [Input(111)] [Dense(80, Bias = false)]
    public partial class PackedOdd { }

    // 100 outputs: 96 packed, the last 4 from the row-major W.
    [Network(Precision.Single)]
    [Input(784)] [Dense(100)]
    public partial class PackedWithRest { }

    // Two layers that ForwardBatch reads from Wᵀ where Vector512 runs (64→64), and one it reads from W.
    [Network(Precision.Single)]
    [Input(64)] [Dense(64)] [Tanh] [Dense(64)] [Tanh] [Dense(10)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1)]
    public partial class BatchedCopy { }
}

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// A network's Inference: a copy of its parameters that only CopyFrom changes, whose Forward reads the layers too large
    /// for L1 input-major. WidthAgreement compares it with the scalar path at every width; here, its exact sums, its
    /// copy semantics, its errors and its allocations.
    /// </summary>
    public sealed class InferenceTests
    {
        /// <summary>
        /// One output of a packed layer as the kernel sums it, written from its rules: blocks of eight vectors of outputs at
        /// the width that runs (512 bits where Vector512 is accelerated and the outputs are whole 512-bit vectors); a block
        /// of v vectors takes ⌈8 / v⌉ sets of accumulators (at least two at 512 bits, one for five to seven vectors at 256),
        /// each set a chain over its contiguous range of inputs, the last also over the inputs left over; the first set
        /// starts from the bias; the sets are added in order. Multiply-adds fuse where the processor has FMA.
        /// </summary>
        private static double Expected(double[] w, double[] x, double bias, int units, int o, int lanes512, Func<double, double, double, double> multiplyAdd, Func<double, double, double> add)
        {
            int fanIn = x.Length;
            bool wide = Vector512.IsHardwareAccelerated && units % lanes512 == 0;
            int lanes = wide ? lanes512 : lanes512 / 2, block = 8 * lanes, first = o - o % block, vectors = Math.Min(block, units - first) / lanes;
            int sets = (8 + vectors - 1) / vectors;
            if (wide) sets = Math.Max(sets, 2);
            else if (vectors >= 5) sets = 1;
            sets = Math.Min(sets, fanIn);
            int range = fanIn / sets;
            double total = 0;
            for (int set = 0; set < sets; set++)
            {
                double z = set == 0 ? bias : 0;
                int end = set == sets - 1 ? fanIn : (set + 1) * range;
                for (int k = set * range; k < end; k++) z = multiplyAdd(w[o * fanIn + k], x[k], z);
                total = set == 0 ? z : add(total, z);
            }
            return total;
        }

        /// <summary>Outputs 0 .. units of a packed layer against <see cref="Expected"/>, bit for bit; the biases from p[biasAt ..], or none.</summary>
        private static void AssertExactSingle(float[] p, int units, int fanIn, int? biasAt, float[] x, float[] y)
        {
            double[] w = p.Take(units * fanIn).Select(v => (double)v).ToArray(), xd = x.Select(v => (double)v).ToArray();
            for (int o = 0; o < units; o++)
            {
                float expected = (float)Expected(w, xd, biasAt is int at ? p[at + o] : 0, units, o, 16,
                    (a, b, c) => Fma.IsSupported ? MathF.FusedMultiplyAdd((float)a, (float)b, (float)c) : (float)a * (float)b + (float)c,
                    (a, b) => (float)a + (float)b);
                Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(y[o]), "output " + o + ": " + y[o].ToString("R") + ", expected " + expected.ToString("R"));
            }
        }

        [Fact]
        public void A_packed_layer_sums_each_range_of_inputs_in_order()
        {
            var net = new PackedSingle(5);
            var inference = new PackedSingle.Inference(net);
            var random = new Random(3);
            float[] x = Enumerable.Range(0, 784).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray(), y = new float[128];
            inference.Forward(x, y);
            AssertExactSingle(net.Parameters.ToArray(), 128, 784, biasAt: 128 * 784, x, y);
        }

        [Fact]
        public void A_packed_layer_without_bias_sums_its_sets_and_the_inputs_left_over_in_order()
        {
            var net = new PackedOdd(6);
            var inference = new PackedOdd.Inference(net);
            float[] x = Enumerable.Range(0, 111).Select(k => MathF.Sin(k * 1.3f)).ToArray(), y = new float[80];
            inference.Forward(x, y);
            AssertExactSingle(net.Parameters.ToArray(), 80, 111, biasAt: null, x, y);
        }

        [Fact]
        public void Rows_after_the_packed_vectors_come_from_the_row_major_weights()
        {
            var net = new PackedWithRest(7);
            var inference = new PackedWithRest.Inference(net);
            float[] x = Enumerable.Range(0, 784).Select(k => MathF.Cos(k * 0.37f)).ToArray(), y = new float[100];
            inference.Forward(x, y);
            float[] p = net.Parameters.ToArray();
            AssertExactSingle(p, 96, 784, biasAt: 100 * 784, x, y.AsSpan(0, 96).ToArray());
            for (int o = 96; o < 100; o++)
            {
                double z = p[100 * 784 + o];
                for (int k = 0; k < 784; k++) z += (double)p[o * 784 + k] * x[k];
                Close.One(z, y[o], 1e-5, "row " + o);
            }
        }

        [Fact]
        public void A_packed_double_layer_sums_each_range_of_inputs_in_order()
        {
            var net = new PackedDouble(5);
            var inference = new PackedDouble.Inference(net);
            double[] x = Enumerable.Range(0, 70).Select(k => Math.Sin(k * 0.7)).ToArray(), y = new double[64];
            inference.Forward(x, y);
            double[] p = net.Parameters.ToArray();
            for (int o = 0; o < 64; o++)
            {
                double expected = Expected(p, x, p[64 * 70 + o], 64, o, 8, (a, b, c) => Fma.IsSupported ? Math.FusedMultiplyAdd(a, b, c) : a * b + c, (a, b) => a + b);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(y[o]));
            }
        }

        [Fact]
        public void The_copy_changes_only_through_CopyFrom()
        {
            var net = new WideSingleQ(1);
            var inference = new WideSingleQ.Inference(net);
            float[] x = Enumerable.Range(0, 784).Select(k => (k % 13) * 0.1f - 0.6f).ToArray();
            float[] before = new float[10], after = new float[10], fromNetwork = new float[10];
            inference.Forward(x, before);
            Assert.Equal(net.Parameters.ToArray(), inference.Parameters.ToArray());

            // A write through the network's Parameters and a training step: the copy computes what it did.
            net.Parameters[5] += 1f;
            net.Parameters[128 * 784 + 3] -= 0.5f;
            net.TrainBatch(x, new float[10]);
            inference.Forward(x, after);
            Assert.Equal(before, after);

            inference.CopyFrom(net);
            Assert.Equal(net.Parameters.ToArray(), inference.Parameters.ToArray());
            inference.Forward(x, after);
            var fresh = new WideSingleQ.Inference(net);
            float[] freshOutput = new float[10];
            fresh.Forward(x, freshOutput);
            Assert.Equal(freshOutput, after);
            net.Forward(x, fromNetwork);
            for (int i = 0; i < 10; i++) Close.One(fromNetwork[i], after[i], 2e-5, "output " + i + " against the network's Forward");
            Assert.NotEqual(before, after);
        }

        /// <summary>
        /// Inference's ForwardBatch reads the Wᵀ that CopyFrom took, without comparing the weights each batch: the network's
        /// ForwardBatch bit for bit after each CopyFrom, and unchanged by training the network in between. Where Vector512
        /// does not run, no layer is read transposed, and this checks only the copy semantics of the batch.
        /// </summary>
        [Fact]
        public void ForwardBatch_reads_the_transpose_taken_by_CopyFrom()
        {
            var random = new Random(5);
            float[] x = Enumerable.Range(0, 32 * 64).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            float[] t = Enumerable.Range(0, 32 * 10).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            var network = new BatchedCopy(3);
            var inference = new BatchedCopy.Inference(network);
            float[] before = new float[320], after = new float[320], copy = new float[320];
            network.ForwardBatch(x, before);
            inference.ForwardBatch(x, copy);
            Assert.Equal(Bits(before), Bits(copy));

            network.TrainBatch(x, t);
            network.ForwardBatch(x, after);
            Assert.NotEqual(Bits(before), Bits(after));
            inference.ForwardBatch(x, copy);
            Assert.Equal(Bits(before), Bits(copy));

            inference.CopyFrom(network);
            inference.ForwardBatch(x, copy);
            Assert.Equal(Bits(after), Bits(copy));
        }

        private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();

        [Fact]
        public void Bad_arguments_throw_and_leave_the_copy_as_it_was()
        {
            var net = new WideSingleQ(2);
            var inference = new WideSingleQ.Inference(net);
            float[] parameters = inference.Parameters.ToArray(), x = Enumerable.Range(0, 784).Select(k => k % 7 * 0.25f).ToArray();
            float[] before = new float[10], after = new float[10];
            inference.Forward(x, before);
            var error = Assert.Throws<ArgumentNullException>(() => inference.CopyFrom(null!));
            Assert.Equal("network", error.ParamName);
            Assert.Throws<ArgumentNullException>(() => new WideSingleQ.Inference(null!));

            var input = Assert.Throws<ArgumentException>(() => inference.Forward(new float[783], new float[10]));
            Assert.Equal("input", input.ParamName);
            Assert.StartsWith("input has length 783, but WideSingleQ expects 784 (InputSize).", input.Message);
            var output = Assert.Throws<ArgumentException>(() => inference.Forward(new float[784], new float[11]));
            Assert.StartsWith("output has length 11, but WideSingleQ expects 10 (OutputSize).", output.Message);
            var batch = Assert.Throws<ArgumentException>(() => inference.ForwardBatch(new float[784 * 2 + 1], new float[20]));
            Assert.Equal("inputs", batch.ParamName);
            Assert.Equal(parameters, inference.Parameters.ToArray());
            inference.Forward(x, after);
            Assert.Equal(before, after);   // the packed copy too
        }

        [Fact]
        public void Forward_and_CopyFrom_allocate_nothing()
        {
            var net = new WideSingleQ(3);
            var inference = new WideSingleQ.Inference(net);
            float[] x = new float[784 * 5], y = new float[10 * 5];
            Assert.Equal(0, Allocations.Measure(() => inference.Forward(x.AsSpan(0, 784), y.AsSpan(0, 10))));
            Assert.Equal(0, Allocations.Measure(() => inference.ForwardBatch(x, y)));
            Assert.Equal(0, Allocations.Measure(() => inference.CopyFrom(net)));
        }

        [Fact]
        public void Pack_puts_every_element_in_its_block()
        {
            // 21 rows in blocks of 8: two whole blocks and one of 5; values name their position.
            const int rows = 21, columns = 6, block = 8;
            float[] matrix = Enumerable.Range(0, rows * columns).Select(k => (float)k).ToArray(), packed = new float[rows * columns];
            VectorMath.PackInputMajor(matrix, rows, columns, block, packed);
            for (int i = 0; i < rows; i++)
            {
                int o = i - i % block, width = Math.Min(block, rows - o);
                for (int k = 0; k < columns; k++) Assert.Equal(matrix[i * columns + k], packed[o * columns + k * width + i - o]);
            }
            double[] m = Enumerable.Range(0, 12).Select(k => k + 0.5).ToArray(), d = new double[12];
            VectorMath.PackInputMajor(m, 4, 3, 4, d);
            Assert.Equal(new[] { 0.5, 3.5, 6.5, 9.5, 1.5, 4.5, 7.5, 10.5, 2.5, 5.5, 8.5, 11.5 }, d);
        }

        [Fact]
        public void Pack_rejects_wrong_lengths()
        {
            var short_ = Assert.Throws<ArgumentException>(() => VectorMath.PackInputMajor(new float[11], 3, 4, 8, new float[12]));
            Assert.Equal("matrix", short_.ParamName);
            Assert.StartsWith("matrix has 11 values, but a 3×4 matrix has 12.", short_.Message);
            var room = Assert.Throws<ArgumentException>(() => VectorMath.PackInputMajor(new double[12], 3, 4, 8, new double[13]));
            Assert.Equal("packed", room.ParamName);
            Assert.Throws<ArgumentException>(() => VectorMath.PackInputMajor(new float[12], 3, 4, 0, new float[12]));
        }
    }
}
