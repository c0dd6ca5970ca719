using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Backprop.Generated.Tests.Infrastructure;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// Compiles a family of double-precision networks of random (seeded) sizes: every activation, every loss (with
    /// the fused softmax/sigmoid paths and the unfused ones), merges and masks.
    /// </summary>
    public sealed class GradientCheckFixture
    {
        public static readonly string[] Activations = { "ReLU", "LeakyReLU(0.2)", "ELU(0.7)", "Sigmoid", "Tanh", "Identity", "Softmax", "GELU", "Softplus", "SiLU" };

        public static readonly (string Name, string Tail, string Loss)[] Losses =
        {
            ("MeanSquaredError", "", "MeanSquaredError"),
            ("SumSquaredError", "", "SumSquaredError"),
            ("BinaryCrossEntropy_fused", "[Sigmoid]", "BinaryCrossEntropy"),
            ("BinaryCrossEntropy_unfused", "[Sigmoid] [Identity]", "BinaryCrossEntropy"),
            ("CrossEntropy_fused", "[Softmax]", "CrossEntropy"),
            ("CrossEntropy_unfused", "[Softmax] [Identity]", "CrossEntropy"),
            ("SoftmaxCrossEntropy", "", "SoftmaxCrossEntropy"),
            ("None", "", ""),
        };

        public sealed record Case(string Name, string Declaration, string Loss, int Batch);

        public static List<Case> BuildCases()
        {
            var random = new Random(20261122);
            int Size() => random.Next(1, 8);
            var cases = new List<Case>();
            foreach (string activation in Activations)
            {
                string name = "Act_" + new string(activation.TakeWhile(char.IsLetter).ToArray());
                cases.Add(new Case(name, $"[Input({Size()})] [Dense({Size() + 1})] [{activation}] [Dense({Size()})] [MeanSquaredError]", "MeanSquaredError", 3));
            }
            foreach (var (lossName, tail, loss) in Losses)
            {
                int outputs = lossName.Contains("Binary") ? Size() : Size() + 1;
                string lossAttribute = loss.Length > 0 ? $" [{loss}]" : "";
                cases.Add(new Case("Loss_" + lossName, $"[Input({Size()})] [Dense({Size()})] [Tanh] [Dense({outputs})] {tail}{lossAttribute}", loss, 4));
            }
            cases.Add(new Case("Graph_Residual", "[Input(3)] [Dense(5, Name = \"h\")] [Tanh] [Dense(5)] [Add(\"h\")] [SiLU] [Dense(2)] [MeanSquaredError]", "MeanSquaredError", 3));
            cases.Add(new Case("Graph_AddInputToItself", "[Input(3, Name = \"x0\")] [Add(\"x0\")] [Dense(2)] [MeanSquaredError]", "MeanSquaredError", 2));
            cases.Add(new Case("Graph_ConcatInput", "[Input(4)] [Dense(6)] [Tanh] [Concat(\"input\", Name = \"c1\")] [Dense(5)] [ReLU] [Concat(\"c1\")] [Dense(3)] [SoftmaxCrossEntropy]", "SoftmaxCrossEntropy", 3));
            cases.Add(new Case("Graph_Branches", "[Input(4)] [Dense(8)] [ReLU(Name = \"h1\")] [Dense(6)] [Tanh] [Dense(4)] [Sigmoid] [Concat(\"h1\")] [Dense(2)] [MeanSquaredError]", "MeanSquaredError", 3));
            cases.Add(new Case("Mask_Sparse", "[Input(4)] [Dense(3, Mask = \"xx.. .xx. ...x\")] [Sigmoid] [Dense(2, Bias = false, Mask = \"x.x 0x1\")] [SumSquaredError]", "SumSquaredError", 3));
            cases.Add(new Case("Mask_UnreadInput", "[Input(3)] [Dense(2, Mask = \"x.. x..\")] [Tanh] [Dense(1)] [MeanSquaredError]", "MeanSquaredError", 2));
            return cases;
        }

        public GradientCheckFixture()
        {
            Cases = BuildCases().ToDictionary(c => c.Name);
            string source = "using Backprop.Generated;\nnamespace Checks {\n" + string.Join("\n", Cases.Values.Select(c =>
                $"[Network(Precision.Double)] {c.Declaration}\npublic partial class {c.Name} {{ }}")) + "\n}\n";
            Assembly = GeneratorHarness.Build(source);
        }

        public Dictionary<string, Case> Cases { get; }
        public Assembly Assembly { get; }

        public INetwork<double> Create(string name, int seed) => (INetwork<double>)Activator.CreateInstance(Assembly.GetType("Checks." + name)!, seed)!;
    }

    /// <summary>
    /// Central finite differences against the generated Backward, for every parameter and every input feature, on a
    /// batch: ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h with L the batch loss (the mean of the per-sample losses, a sum for
    /// SumSquaredError), or S = Σ g·ŷ for a network without a loss.
    /// </summary>
    public sealed class GradientCheckTests : IClassFixture<GradientCheckFixture>
    {
        private const double H = 1e-6;
        private readonly GradientCheckFixture _fixture;

        public GradientCheckTests(GradientCheckFixture fixture) => _fixture = fixture;

        public static IEnumerable<object[]> CaseNames() => GradientCheckFixture.BuildCases().Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Gradients_match_finite_differences(string name)
        {
            GradientCheckFixture.Case c = _fixture.Cases[name];
            INetwork<double> net = _fixture.Create(name, seed: 7);
            var random = new Random(name.Length * 7919 + 13);
            int n = c.Batch;
            double[][] x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, net.InputSize).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
            double[][] t = Enumerable.Range(0, n).Select(_ => Target(c.Loss, net.OutputSize, random)).ToArray();

            // Analytic: accumulate every sample, scale to the batch loss.
            double[][] inputGradients = new double[n][];
            for (int s = 0; s < n; s++)
            {
                if (net is ILossNetwork<double> lossNet) lossNet.Backward(x[s], t[s]);
                else net.BackwardFromOutputGradient(x[s], t[s]);
                inputGradients[s] = net.InputGradient.ToArray();
            }
            double scale = net is ILossNetwork<double> l && l.LossIsMean ? 1.0 / n : 1.0;
            double[] analytic = net.Gradients.ToArray().Select(g => g * scale).ToArray();

            double BatchObjective()
            {
                double total = 0;
                var output = new double[net.OutputSize];
                for (int s = 0; s < n; s++)
                {
                    if (net is ILossNetwork<double> lossNet) total += lossNet.Loss(x[s], t[s]);
                    else
                    {
                        net.Forward(x[s], output);
                        for (int k = 0; k < output.Length; k++) total += t[s][k] * output[k];
                    }
                }
                return total * scale;
            }

            Assert.True(net.ParameterCount > 0);
            for (int p = 0; p < net.ParameterCount; p++)
            {
                double saved = net.Parameters[p];
                net.Parameters[p] = saved + H;
                double plus = BatchObjective();
                net.Parameters[p] = saved - H;
                double minus = BatchObjective();
                net.Parameters[p] = saved;
                AssertClose((plus - minus) / (2 * H), analytic[p], $"{name}: ∂L/∂θ[{p}]");
            }

            for (int s = 0; s < n; s++)
            {
                for (int i = 0; i < net.InputSize; i++)
                {
                    double saved = x[s][i];
                    x[s][i] = saved + H;
                    double plus = BatchObjective();
                    x[s][i] = saved - H;
                    double minus = BatchObjective();
                    x[s][i] = saved;
                    // InputGradient is the sample's own loss gradient; the batch objective scales it.
                    AssertClose((plus - minus) / (2 * H), inputGradients[s][i] * scale, $"{name}: ∂L/∂x[{s}][{i}]");
                }
            }
        }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Jacobian_matches_finite_differences(string name)
        {
            INetwork<double> net = _fixture.Create(name, seed: 11);
            var random = new Random(name.Length * 31 + 5);
            double[] x = Enumerable.Range(0, net.InputSize).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var jacobian = new double[net.OutputSize * net.InputSize];
            net.InputJacobian(x, jacobian);
            Assert.All(net.Gradients.ToArray(), g => Assert.Equal(0.0, g));
            var plus = new double[net.OutputSize];
            var minus = new double[net.OutputSize];
            for (int i = 0; i < net.InputSize; i++)
            {
                double saved = x[i];
                x[i] = saved + H;
                net.Forward(x, plus);
                x[i] = saved - H;
                net.Forward(x, minus);
                x[i] = saved;
                for (int k = 0; k < net.OutputSize; k++) AssertClose((plus[k] - minus[k]) / (2 * H), jacobian[k * net.InputSize + i], $"{name}: J[{k}][{i}]");
            }
        }

        private static double[] Target(string loss, int k, Random random)
        {
            double[] t = Enumerable.Range(0, k).Select(_ => random.NextDouble()).ToArray();
            switch (loss)
            {
                case "BinaryCrossEntropy":
                    return t;
                case "CrossEntropy":
                case "SoftmaxCrossEntropy":
                    double sum = t.Sum();
                    return t.Select(v => v / sum).ToArray();
                default:
                    return t.Select(v => v * 4 - 2).ToArray();
            }
        }

        // Central differences in double with h = 1e-6 are good to about 1e-8 relative here.
        private static void AssertClose(double numeric, double analytic, string what)
        {
            double bound = 1e-6 * Math.Max(1, Math.Max(Math.Abs(numeric), Math.Abs(analytic)));
            Assert.True(Math.Abs(numeric - analytic) <= bound, $"{what}: finite difference {numeric:R}, backward {analytic:R}");
        }
    }
}
