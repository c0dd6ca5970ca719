using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Intrinsics;
using Backprop.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>The SIMD path against the scalar path on the same networks, and the accuracy of the vector activations.</summary>
    public sealed class KernelTests
    {
        private const string Layers = "[Input(37)] [Dense(64)] [Tanh] [Dense(19)] [Sigmoid] [Dense(24)] [ReLU] [Dense(11)] [LeakyReLU(0.1)] [Dense(5)] [Identity] [Dense(3)] [SoftmaxCrossEntropy] [Adam(LearningRate = 0.01)]";

        // Four inputs: the first layer packs two rows per vector (8 rows by one horizontal-add tree, then 4 rows one by one).
        private const string TinyLayers = "[Input(4)] [Dense(12)] [ReLU] [Dense(16)] [Tanh] [Dense(3)] [MeanSquaredError] [Sgd(LearningRate = 0.1)]";

        // A four-wide hidden tensor read by two layers: the packed Dense(12) (no bias) adds its input gradient to the one
        // the residual Add assigned.
        private const string SharedTinyLayers = "[Input(4)] [Dense(4)] [Tanh(Name = \"h\")] [Dense(12, Bias = false)] [ReLU] [Dense(4)] [Add(\"h\")] [Dense(3)] [MeanSquaredError] [Sgd(LearningRate = 0.1)]";

        private static readonly Lazy<Assembly> Compiled = new(() => GeneratorHarness.Build(
            "using Backprop.Generated;\nnamespace Kernels {\n"
            + "[Network(Precision.Single)] " + Layers + " public partial class VectorSingle { }\n"
            + "[Network(Precision.Single, Kernel = Kernel.Scalar)] " + Layers + " public partial class ScalarSingle { }\n"
            + "[Network(Precision.Double)] " + Layers + " public partial class VectorDouble { }\n"
            + "[Network(Precision.Double, Kernel = Kernel.Scalar)] " + Layers + " public partial class ScalarDouble { }\n"
            + "[Network(Precision.Single)] [Input(37)] [Dense(64, Kernel = Kernel.Scalar)] [Tanh] [Dense(3)] public partial class MixedSingle { }\n"
            + "[Network(Precision.Single)] " + TinyLayers + " public partial class TinyVector { }\n"
            + "[Network(Precision.Single, Kernel = Kernel.Scalar)] " + TinyLayers + " public partial class TinyScalar { }\n"
            + "[Network(Precision.Single)] " + SharedTinyLayers + " public partial class SharedTinyVector { }\n"
            + "[Network(Precision.Single, Kernel = Kernel.Scalar)] " + SharedTinyLayers + " public partial class SharedTinyScalar { }\n"
            + "}\n"));

        private static T Create<T>(string name) => (T)Activator.CreateInstance(Compiled.Value.GetType("Kernels." + name)!, 3)!;

        private static string Source(string name)
        {
            GeneratorOutput output = GeneratorHarness.Run("using Backprop.Generated;\nnamespace Kernels {\n[Network(Precision.Single" + (name.StartsWith("Scalar", StringComparison.Ordinal) ? ", Kernel = Kernel.Scalar" : "") + ")] " + Layers + " public partial class " + name + " { }\n}\n");
            return output.Sources.Values.Single();
        }

        [Fact]
        public void The_vector_network_has_SIMD_code_and_the_scalar_one_has_none()
        {
            Assert.True(Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated, "this machine runs the SIMD path; the comparison below needs it");
            Assert.Contains("VectorMath.MultiplyAdd", Source("VectorSingle"));
            Assert.Contains("VectorMath.Tanh", Source("VectorSingle"));
            Assert.DoesNotContain("Vector256", Source("ScalarSingle"));
        }

        [Fact]
        public void Single_precision_SIMD_and_scalar_agree_through_training()
        {
            Assert.True(Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated, "this machine runs the SIMD path; the comparison needs it");
            var vector = Create<ISupervisedNetwork<float>>("VectorSingle");
            var scalar = Create<ISupervisedNetwork<float>>("ScalarSingle");
            Assert.Equal(scalar.Parameters.ToArray(), vector.Parameters.ToArray());
            var random = new Random(5);
            float[] inputs = Enumerable.Range(0, 37 * 6).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            float[] targets = Enumerable.Range(0, 3 * 6).Select(i => i % 3 == (i / 3) % 3 ? 1f : 0f).ToArray();
            float[] a = new float[3], b = new float[3];
            for (int step = 0; step < 10; step++)
            {
                for (int s = 0; s < 6; s++)
                {
                    vector.Forward(inputs.AsSpan(s * 37, 37), a);
                    scalar.Forward(inputs.AsSpan(s * 37, 37), b);
                    Close.All(b, a, 2e-5f, $"step {step}, sample {s}: output");
                }
                float lv = vector.TrainBatch(inputs, targets), ls = scalar.TrainBatch(inputs, targets);
                Close.One(ls, lv, 2e-5f, $"step {step}: loss");
            }
            float[] pv = vector.Parameters.ToArray(), ps = scalar.Parameters.ToArray();
            Close.All(ps, pv, 1e-4f, "parameter");
        }

        [Fact]
        public void Packed_forward_of_four_inputs_agrees_with_the_scalar_path()
        {
            Assert.True(Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated, "this machine runs the SIMD path; the comparison needs it");
            GeneratorOutput output = GeneratorHarness.Run("using Backprop.Generated;\nnamespace Kernels {\n[Network(Precision.Single)] " + TinyLayers + " public partial class TinyVector { }\n}\n");
            Assert.Contains("VectorMath.SumQuads", output.Sources.Values.Single());
            var vector = Create<INetwork<float>>("TinyVector");
            var scalar = Create<INetwork<float>>("TinyScalar");
            var random = new Random(12);
            float[] inputs = Enumerable.Range(0, 4 * 9).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
            float[] a = new float[3], b = new float[3], batch = new float[3 * 9];
            vector.ForwardBatch(inputs, batch);
            for (int s = 0; s < 9; s++)
            {
                vector.Forward(inputs.AsSpan(s * 4, 4), a);
                scalar.Forward(inputs.AsSpan(s * 4, 4), b);
                for (int k = 0; k < 3; k++)
                {
                    Close.One(b[k], a[k], 1e-5f, $"sample {s}, output {k}");
                    Close.One(a[k], batch[s * 3 + k], 1e-6f, $"batch sample {s}, output {k}");
                }
            }
        }

        [Theory]
        [InlineData("Tiny", "[Input(4)] [Dense(12)]")]
        [InlineData("SharedTiny", "[Dense(12, Bias = false)]")]
        public void Packed_backward_of_four_inputs_agrees_with_the_scalar_path(string name, string packedLayer)
        {
            // The 4→12 layer's backward packs two rows of gW and W per vector (8 rows, then 4 one at a time): its parameter
            // gradients, its input's gradient (Backward; assigned in Tiny, added to the residual's in SharedTiny), the
            // Jacobian (input gradient only) and training in tiles.
            Assert.True(Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated, "this machine runs the SIMD path; the comparison needs it");
            string layers = name == "Tiny" ? TinyLayers : SharedTinyLayers;
            Assert.Contains(packedLayer, layers);
            GeneratorOutput output = GeneratorHarness.Run("using Backprop.Generated;\nnamespace Kernels {\n[Network(Precision.Single)] " + layers + " public partial class " + name + "Vector { }\n}\n");
            Assert.Contains("two rows of gW per vector", output.Sources.Values.Single());
            var vector = Create<ISupervisedNetwork<float>>(name + "Vector");
            var scalar = Create<ISupervisedNetwork<float>>(name + "Scalar");
            var random = new Random(21);
            float[] inputs = Enumerable.Range(0, 4 * 9).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
            float[] targets = Enumerable.Range(0, 3 * 9).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            for (int s = 0; s < 3; s++)
            {
                vector.Backward(inputs.AsSpan(s * 4, 4), targets.AsSpan(s * 3, 3));
                scalar.Backward(inputs.AsSpan(s * 4, 4), targets.AsSpan(s * 3, 3));
                Close.All(scalar.InputGradient, vector.InputGradient, 1e-5f, $"sample {s}: input gradient");
            }
            Assert.Contains(vector.Gradients.ToArray(), g => g != 0);
            Close.All(scalar.Gradients, vector.Gradients, 1e-5f, "accumulated gradient");
            vector.ZeroGradients();
            scalar.ZeroGradients();
            float[] jv = new float[3 * 4], js = new float[3 * 4];
            vector.InputJacobian(inputs.AsSpan(0, 4), jv);
            scalar.InputJacobian(inputs.AsSpan(0, 4), js);
            Close.All(js, jv, 1e-5f, "Jacobian entry");
            for (int step = 0; step < 5; step++) Assert.Equal(scalar.TrainBatch(inputs, targets), vector.TrainBatch(inputs, targets), 1e-4f);
            Close.All(scalar.Parameters, vector.Parameters, 1e-4f, "parameter after training");
        }

        [Fact]
        public void Double_precision_SIMD_and_scalar_agree_to_rounding()
        {
            Assert.True(Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated, "this machine runs the SIMD path; the comparison needs it");
            var vector = Create<ISupervisedNetwork<double>>("VectorDouble");
            var scalar = Create<ISupervisedNetwork<double>>("ScalarDouble");
            var random = new Random(9);
            double[] x = Enumerable.Range(0, 37).Select(_ => random.NextDouble() * 4 - 2).ToArray(), t = { 0, 1, 0 };
            double lv = vector.Backward(x, t), ls = scalar.Backward(x, t);
            Assert.Equal(ls, lv, 1e-12);
            double[] gv = vector.Gradients.ToArray(), gs = scalar.Gradients.ToArray();
            Close.All(gs, gv, 1e-12, "gradient");
            double[] iv = vector.InputGradient.ToArray(), @is = scalar.InputGradient.ToArray();
            Close.All(@is, iv, 1e-12, "input gradient");
        }

        [Fact]
        public void A_layer_can_opt_out_of_SIMD()
        {
            GeneratorOutput output = GeneratorHarness.Run("using Backprop.Generated;\nnamespace K { [Network] [Input(37)] [Dense(64, Kernel = Kernel.Scalar)] [Tanh] [Dense(3)] public partial class M { } }");
            string source = output.Sources.Values.Single();
            string Method(string name)
            {
                int start = source.IndexOf("private void " + name + "(", StringComparison.Ordinal);
                return source.Substring(start, source.IndexOf("private void ", start + 1, StringComparison.Ordinal) - start);
            }
            Assert.DoesNotContain("System.Runtime.Intrinsics", Method("ForwardLayer0"));
            // 64 inputs, but written by a tanh of the scalar layer's outputs, one at a time: 256-bit loads only (WrittenWide).
            Assert.Contains("Vector256.IsHardwareAccelerated", Method("ForwardLayer2"));
            Assert.DoesNotContain("Vector512", Method("ForwardLayer2"));
            // The mixed network computes tanh(W0·x + b0) then W2·h + b2, its first layer scalar and its last SIMD.
            var mixed = Create<INetwork<float>>("MixedSingle");
            Assert.Equal(64 * 37 + 64 + 3 * 64 + 3, mixed.ParameterCount);
            float[] p = mixed.Parameters.ToArray();
            var random = new Random(4);
            float[] x = Enumerable.Range(0, 37).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray(), y = new float[3];
            mixed.Forward(x, y);
            double[] h = Enumerable.Range(0, 64).Select(o => Math.Tanh(Enumerable.Range(0, 37).Sum(i => (double)p[o * 37 + i] * x[i]) + p[64 * 37 + o])).ToArray();
            int w2 = 64 * 37 + 64;
            for (int k = 0; k < 3; k++)
            {
                double expected = Enumerable.Range(0, 64).Sum(i => p[w2 + k * 64 + i] * h[i]) + p[w2 + 3 * 64 + k];
                Close.One(expected, y[k], 1e-5, $"output {k}");
            }
        }

        [Theory]
        [InlineData("Single", "[Input(16)] [Dense(16)] [Tanh] [Dense(16)]", "YYY")]                              // the input, then each layer's wide stores
        [InlineData("Single", "[Input(4)] [Dense(16)] [ReLU] [Dense(16)]", "NNN")]                                // the packed 4-input layer stores 8 rows at a time
        [InlineData("Single", "[Input(16)] [Dense(16, Kernel = Kernel.Scalar)] [ReLU] [Dense(4)]", "NNN")]       // a scalar layer stores one at a time
        [InlineData("Single", "[Input(24)] [Dense(16)] [ReLU] [Dense(16)]", "NNN")]                               // 24 inputs: no whole 512-bit rows
        [InlineData("Single", "[Input(16, Name = \"x\")] [Dense(16)] [Concat(\"x\")] [Dense(4)]", "YNN")]   // merges store one at a time
        [InlineData("Single", "[Input(16, Name = \"x\")] [Dense(16)] [Add(\"x\")] [Dense(4)]", "YNN")]
        [InlineData("Double", "[Input(16)] [Dense(16)] [Tanh] [Dense(8)]", "YNN")]                                // double tanh is System.Math, one at a time
        [InlineData("Double", "[Input(16)] [Dense(16)] [ReLU] [Dense(8)]", "YYY")]
        public void A_layer_reads_512_bits_at_a_time_only_what_was_stored_so(string precision, string layers, string expected)
        {
            GeneratorOutput output = GeneratorHarness.Run("using Backprop.Generated;\nnamespace K { [Network(Precision." + precision + ")] " + layers + " [MeanSquaredError] [Sgd] public partial class M { } }");
            Assert.Empty(output.GeneratorDiagnostics);
            string source = output.Sources.Values.Single();
            for (int layer = 0; layer < expected.Length; layer++)
            {
                int start = source.IndexOf("private void ForwardLayer" + layer + "(", StringComparison.Ordinal);
                string method = source.Substring(start, source.IndexOf("private void ", start + 1, StringComparison.Ordinal) - start);
                Assert.True(method.Contains("Vector512", StringComparison.Ordinal) == (expected[layer] == 'Y'), $"layer {layer} of {layers}: expected {(expected[layer] == 'Y' ? "a" : "no")} 512-bit path");
            }
        }

        private static int UlpDistance(float a, float b)
        {
            if (a == b) return 0;
            int ia = BitConverter.SingleToInt32Bits(a), ib = BitConverter.SingleToInt32Bits(b);
            if (ia < 0) ia = int.MinValue - ia;
            if (ib < 0) ib = int.MinValue - ib;
            return Math.Abs(ia - ib);
        }

        /// <summary>Every 61st float bit pattern in [−30, 30] (about 35 million values), against the correctly rounded result.</summary>
        private static void Sweep(Func<Vector256<float>, Vector256<float>> vector, Func<double, double> exact, int maxUlp, string name)
        {
            int worst = 0;
            float worstAt = 0;
            var block = new float[8];
            int filled = 0;
            void Flush()
            {
                Vector256<float> result = vector(Vector256.Create(block));
                for (int k = 0; k < filled; k++)
                {
                    float expected = (float)exact(block[k]);
                    int ulps = UlpDistance(result[k], expected);
                    if (ulps > worst)
                    {
                        worst = ulps;
                        worstAt = block[k];
                    }
                }
                filled = 0;
            }
            foreach (int sign in new[] { 1, -1 })
            {
                for (int bits = 0; bits <= BitConverter.SingleToInt32Bits(30f); bits += 61)
                {
                    block[filled++] = sign * BitConverter.Int32BitsToSingle(bits);
                    if (filled == 8) Flush();
                }
            }
            if (filled > 0) Flush();
            Assert.True(worst <= maxUlp, $"{name}: {worst} ulp at {worstAt:R}");
        }

        [Fact]
        public void Vector_tanh_is_within_two_ulp() => Sweep(VectorMath.Tanh, Math.Tanh, 2, "tanh");

        [Fact]
        public void Vector_tanh_in_double_lanes_is_within_one_ulp() => Sweep(VectorMath.TanhViaDouble, Math.Tanh, 1, "tanh via double");

        [Fact]
        public void Vector_sigmoid_is_within_two_ulp() => Sweep(VectorMath.Sigmoid, x => 1 / (1 + Math.Exp(-x)), 2, "sigmoid");

        [Theory]
        [InlineData("tanh")]
        [InlineData("sigmoid")]
        public void The_512_bit_activations_give_the_256_bit_ones_bits(string name)
        {
            Func<Vector512<float>, Vector512<float>> wide = name == "tanh" ? VectorMath.Tanh : VectorMath.Sigmoid;
            Func<Vector256<float>, Vector256<float>> narrow = name == "tanh" ? VectorMath.Tanh : VectorMath.Sigmoid;
            if (!System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
            {
                // Without AVX-512 the 512-bit form multiplies and adds separately: only its accuracy is comparable.
                Sweep(x => wide(Vector512.Create(x, x)).GetLower(), name == "tanh" ? Math.Tanh : x => 1 / (1 + Math.Exp(-x)), 3, name + " (512-bit, unfused)");
                return;
            }
            // The accuracy sweep's values (every 61st float in [−30, 30]) and the edges: ±0, ±∞, NaN, beyond the clamps;
            // sixteen at a time.
            var block = new float[16];
            int filled = 0;
            void Compare()
            {
                Vector512<float> x = Vector512.Create(block);
                Vector512<float> expected = Vector512.Create(narrow(x.GetLower()), narrow(x.GetUpper())), actual = wide(x);
                for (int k = 0; k < 16; k++)
                {
                    if (BitConverter.SingleToInt32Bits(actual[k]) != BitConverter.SingleToInt32Bits(expected[k]))
                        Assert.Fail($"{name}({block[k]:R}): {actual[k]:R} in 512 bits, {expected[k]:R} in 256");
                }
                filled = 0;
            }
            void Add(float value)
            {
                block[filled++] = value;
                if (filled == 16) Compare();
            }
            foreach (float edge in new[] { 0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, -float.NaN, 200f, -200f, 88f, -88f, 9.5f, -9.5f }) Add(edge);
            foreach (int sign in new[] { 1, -1 })
            {
                for (int bits = 0; bits <= BitConverter.SingleToInt32Bits(30f); bits += 61) Add(sign * BitConverter.Int32BitsToSingle(bits));
            }
            while (filled != 0) Add(1f);
        }

        [Fact]
        public void Vector_exp_is_within_one_ulp() => Sweep(VectorMath.Exp, Math.Exp, 1, "exp");

        [Fact]
        public void Vector_exp_saturates_like_float()
        {
            Vector256<float> e = VectorMath.Exp(Vector256.Create(-200f, -88f, -87f, 0f, 1f, 88f, 89f, float.PositiveInfinity));
            Assert.Equal(0f, e[0]);
            Assert.Equal(0f, e[1]);
            Assert.Equal((float)Math.Exp(-87), e[2], (float)Math.Exp(-87) * 1e-6f);
            Assert.Equal(1f, e[3]);
            Assert.Equal(MathF.E, e[4], 1e-6f);
            Assert.Equal((float)Math.Exp(88), e[5], (float)Math.Exp(88) * 1e-6f);
            Assert.Equal(float.PositiveInfinity, e[6]);
            Assert.Equal(float.PositiveInfinity, e[7]);
            float[] points = { -1e30f, -9f, -0.625f, 0f, 1e-30f, 0.624f, 9f, 1e30f };
            Vector256<float> t = VectorMath.Tanh(Vector256.Create(points));
            Assert.Equal(-1f, t[0]);
            Assert.Equal(1f, t[7]);
            Assert.Equal(0f, t[3]);
            for (int i = 0; i < 8; i++) Assert.True(UlpDistance(t[i], (float)Math.Tanh(points[i])) <= 2, $"tanh({points[i]}) = {t[i]}");
        }

        [Fact]
        public void Vector_exp_in_double_is_accurate_to_1e_14()
        {
            var random = new Random(3);
            for (int i = 0; i < 100_000; i++)
            {
                double x = random.NextDouble() * 1400 - 700;
                double actual = VectorMath.Exp(Vector256.Create(x)).GetElement(0), expected = Math.Exp(x);
                Assert.True(Math.Abs(actual - expected) <= 1e-14 * expected, $"exp({x:R}) = {actual:R}, expected {expected:R}");
            }
        }

        [Fact]
        public void NaN_stays_NaN_through_the_vector_activations()
        {
            Vector256<float> x = Vector256.Create(float.NaN, 1f, float.NaN, -1f, 0f, float.NaN, 2f, float.NaN);
            foreach (var (name, f) in new (string, Func<Vector256<float>, Vector256<float>>)[] { ("tanh", VectorMath.Tanh), ("sigmoid", VectorMath.Sigmoid), ("exp", VectorMath.Exp) })
            {
                Vector256<float> y = f(x);
                for (int i = 0; i < 8; i++) Assert.True(float.IsNaN(x[i]) == float.IsNaN(y[i]), $"{name} lane {i}: {x[i]} → {y[i]}");
            }
        }

        [Fact]
        public void Expm1_keeps_its_digits_near_zero()
        {
            foreach (double x in new[] { -1e-12, -1e-8, -1e-5, -0.01, -0.5, -3.0, -40.0, 1e-9, 0.3, 5.0 })
            {
                // Near 0, e^x − 1 = x + x²/2 + x³/6 + … summed independently of Math.Exp; beyond |x| = 1 there is no
                // cancellation, and Math.Exp(x) − 1 is the reference.
                double term = x, sum = x;
                if (Math.Abs(x) <= 1) for (int n = 2; n < 200 && Math.Abs(term) > 1e-300; n++) sum += term *= x / n;
                else sum = Math.Exp(x) - 1;
                Assert.True(Math.Abs(NetworkMath.Expm1(x) - sum) <= 1e-15 * Math.Abs(sum), $"expm1({x:R}) = {NetworkMath.Expm1(x):R}, series {sum:R}");
            }
            Assert.Equal(-1e-6f, NetworkMath.Expm1(-1e-6f) * (1 + 5e-7f), 1e-13f);
        }

        [Fact]
        public void SumEach_adds_each_vectors_lanes()
        {
            var rows = Enumerable.Range(0, 8).Select(r => Vector256.Create(Enumerable.Range(0, 8).Select(l => (float)(r * 10 + l)).ToArray())).ToArray();
            Vector256<float> sums = VectorMath.SumEach(rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], rows[6], rows[7]);
            for (int r = 0; r < 8; r++) Assert.Equal(80f * r + 28f, sums[r]);
            var drows = Enumerable.Range(0, 4).Select(r => Vector256.Create(r * 10.0, r * 10.0 + 1, r * 10.0 + 2, r * 10.0 + 3)).ToArray();
            Vector256<double> dsums = VectorMath.SumEach(drows[0], drows[1], drows[2], drows[3]);
            for (int r = 0; r < 4; r++) Assert.Equal(40.0 * r + 6, dsums[r]);
            Vector128<float> four = VectorMath.SumFour(rows[4], rows[5], rows[6], rows[7]);
            for (int r = 0; r < 4; r++) Assert.Equal(80f * (r + 4) + 28f, four[r]);
        }

        [Fact]
        public void SumSixteen_adds_each_vectors_lanes_into_blocks_of_four()
        {
            // Row r holds 100·r + lane (exact in float, whatever the order of the adds): its sum is 1600·r + 120.
            var r = Enumerable.Range(0, 16).Select(row => Vector512.Create(Enumerable.Range(0, 16).Select(l => (float)(row * 100 + l)).ToArray())).ToArray();
            Vector512<float> sums = VectorMath.SumSixteen(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15]);
            for (int k = 0; k < 4; k++)
            {
                for (int j = 0; j < 4; j++) Assert.Equal(1600f * (4 * j + k) + 120f, sums[4 * k + j]);
            }
        }
    }

    /// <summary>
    /// A consumer that targets netstandard2.0 (Unity, .NET Framework) gets code without System.Runtime.Intrinsics or
    /// MathF: generated against netstandard2.0 reference assemblies and the runtime library's own sources, it compiles.
    /// </summary>
    public sealed class NetStandardTargetTests
    {
        [Fact]
        public void A_NET8_consumer_on_CSharp8_gets_the_scalar_path_and_compiles()
        {
            // The SIMD kernels index with nint (C# 9); a .NET 8 project pinned to an older language must still build.
            const string source = "using Backprop.Generated;\nnamespace Old {\n[Network(Precision.Single)] [Input(16)] [Dense(16)] [Tanh] [Dense(2)] [MeanSquaredError] [Sgd] public partial class Net { }\n}\n";
            var parse = new CSharpParseOptions(LanguageVersion.CSharp8);
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { ("Net.cs", source) })
                .RemoveAllSyntaxTrees().AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, parse, "Net.cs"));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new Backprop.Generated.Generator.NetworkGenerator().AsSourceGenerator() }, parseOptions: parse)
                .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            string generated = driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString();
            Assert.DoesNotContain("Vector256", generated);
            Assert.DoesNotContain("nint", generated);
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        }

        private static string Metadata(string key) => typeof(NetStandardTargetTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        [Fact]
        public void Generated_code_compiles_against_netstandard2_0()
        {
            string[] packages = Metadata("NetStandardReferences").Split(';');
            Assert.All(packages, r => Assert.True(File.Exists(r), "missing reference assembly " + r));
            // netstandard.dll with its facades (System.Runtime and the rest), as a netstandard2.0 build references them.
            string[] references = Directory.GetFiles(Path.GetDirectoryName(packages[0])!, "*.dll").Concat(packages.Skip(1)).ToArray();
            // The runtime library, built for netstandard2.0 (as the SDK builds it, with the latest language version).
            var libraryTrees = Directory.GetFiles(Metadata("RuntimeLibrarySources"), "*.cs")
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.CSharp12), f));
            CSharpCompilation library = CSharpCompilation.Create("Backprop.Generated", libraryTrees, references.Select(r => MetadataReference.CreateFromFile(r)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var libraryImage = new MemoryStream();
            var built = library.Emit(libraryImage);
            Assert.True(built.Success, string.Join("\n", built.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));

            // The consumer: C# 7.3, the default language version of netstandard2.0 and .NET Framework projects.
            string declarations = "using Backprop.Generated;\nnamespace Unity {\n[Network] [Input(37)] [Dense(64)] [Tanh] [Dense(16)] [GELU] [Dense(3)] [Softmax] [CrossEntropy] [Adam(LearningRate = 0.01)] [ClipGradNorm(1.0)]\npublic partial class Net { }\n"
                + "[Network(Precision.Double)] [Input(4, Name = \"x0\")] [Dense(4, Mask = \"xx.. ..xx x..x .xx.\")] [ELU] [Add(\"x0\")] [Concat(\"x0\")] [Dense(2)] [SumSquaredError] [RmsProp(Centered = true)]\npublic partial class Residual { }\n"
                // No dense layer: nothing to train, but the declaration is valid and must compile.
                + "[Network] [Input(4)] [Softmax] [CrossEntropy] [Sgd]\npublic partial class NoDense { }\n}\n";
            var parse = new CSharpParseOptions(LanguageVersion.CSharp7_3);
            CSharpCompilation compilation = CSharpCompilation.Create("NetStandardConsumer",
                new[] { CSharpSyntaxTree.ParseText(declarations, parse, "Net.cs") },
                references.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r)).Append(MetadataReference.CreateFromImage(libraryImage.ToArray())),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Null(compilation.GetTypeByMetadataName("Backprop.Generated.VectorMath"));
            // System.Numerics.Vectors carries an internal System.MathF: the generator must not call it.
            Assert.Equal(Accessibility.Internal, compilation.GetTypeByMetadataName("System.MathF")!.DeclaredAccessibility);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new Backprop.Generated.Generator.NetworkGenerator().AsSourceGenerator() }, parseOptions: parse);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);
            string generated = string.Join("\n", output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).Select(t => t.ToString()));
            Assert.Contains("partial class Net", generated);
            Assert.DoesNotContain("Vector256", generated);
            Assert.DoesNotContain("MathF", generated);
            Assert.DoesNotContain("#nullable", generated);
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
            using var stream = new MemoryStream();
            Assert.True(output.Emit(stream).Success);
        }
    }
}

namespace Backprop.Generated.Tests
{
    /// <summary>The batched paths (tiles of samples through each layer) against the one-sample path.</summary>
    public sealed class BatchTests
    {
        private static readonly Lazy<System.Reflection.Assembly> Compiled = new(() => GeneratorHarness.Build(
            "using Backprop.Generated;\nnamespace Batches {\n"
            + "[Network(Precision.Single)] [Input(37)] [Dense(64)] [Tanh] [Dense(19)] [ReLU] [Dense(3)] [SoftmaxCrossEntropy] [Sgd(LearningRate = 0.05, Momentum = 0.9)] public partial class Single { }\n"
            + "[Network(Precision.Double)] [Input(37)] [Dense(64)] [Tanh] [Dense(19, Name = \"h\")] [ReLU] [Add(\"h\")] [Dense(3)] [Softmax] [CrossEntropy] [Adam(LearningRate = 0.01)] public partial class Double { }\n"
            + "}\n"));

        private static T Create<T>(string name) => (T)Activator.CreateInstance(Compiled.Value.GetType("Batches." + name)!, 7)!;

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        [InlineData(11)]
        public void ForwardBatch_equals_Forward_per_sample(int count)
        {
            var net = Create<INetwork<float>>("Single");
            var random = new Random(count);
            float[] inputs = Enumerable.Range(0, 37 * count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            float[] batch = new float[3 * count], one = new float[3];
            net.ForwardBatch(inputs, batch);
            for (int s = 0; s < count; s++)
            {
                net.Forward(inputs.AsSpan(s * 37, 37), one);
                for (int k = 0; k < 3; k++) Close.One(one[k], batch[s * 3 + k], 1e-5f, $"sample {s}, output {k}");
            }
            var ex = Assert.Throws<ArgumentException>(() => net.ForwardBatch(inputs, new float[3 * count + 1]));
            Assert.Equal("outputs", ex.ParamName);
        }

        [Fact]
        public void TrainBatch_in_tiles_equals_backward_per_sample_in_double()
        {
            var tiled = Create<ISupervisedNetwork<double>>("Double");
            var single = Create<ISupervisedNetwork<double>>("Double");
            var random = new Random(3);
            const int count = 10;   // two tiles of 4 and two single samples
            double[] inputs = Enumerable.Range(0, 37 * count).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            double[] targets = Enumerable.Range(0, 3 * count).Select(i => i % 3 == (i / 3) % 3 ? 1.0 : 0.0).ToArray();
            for (int step = 0; step < 5; step++)
            {
                double batchLoss = tiled.TrainBatch(inputs, targets);
                double total = 0;
                for (int s = 0; s < count; s++) total += single.Backward(inputs.AsSpan(s * 37, 37), targets.AsSpan(s * 3, 3));
                single.Step();
                Assert.True(Math.Abs(batchLoss - total / count) <= 1e-12, $"step {step}: {batchLoss} vs {total / count}");
                double[] a = tiled.Parameters.ToArray(), b = single.Parameters.ToArray();
                Close.All(b, a, 1e-12, $"step {step}: parameter");
            }
        }

        [Fact]
        public void Batched_paths_allocate_nothing()
        {
            var net = Create<ISupervisedNetwork<float>>("Single");
            float[] inputs = new float[37 * 32], targets = new float[3 * 32], outputs = new float[3 * 32];
            for (int s = 0; s < 32; s++) targets[s * 3 + s % 3] = 1;
            Assert.Equal(0, Allocations.Measure(() =>
            {
                net.ForwardBatch(inputs, outputs);
                net.TrainBatch(inputs, targets);
            }, repetitions: 100));
        }
    }
}
