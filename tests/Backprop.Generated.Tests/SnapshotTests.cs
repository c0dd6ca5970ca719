using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Backprop.Generated.Generator;
using Backprop.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// Snapshots of the generated source of networks chosen to cover the emitter's paths: both precisions, every activation,
    /// every loss (BCE and CrossEntropy both fused and, for BCE, not), every optimizer (SGD plain, with momentum and with
    /// Nesterov and weight decay; Adam; AdamW; centered RMSprop with momentum), clipping, Add and Concat, a mask, a dense
    /// layer without bias, a network without a loss or optimizer, one in the global namespace and one with a warning.
    /// The files are in Snapshots/ (see <see cref="Snapshot"/>); when the generator changes on purpose, run the tests with
    /// BACKPROP_ACCEPT_SNAPSHOTS=1, review the diff of the .verified. files and commit them.
    /// </summary>
    public class SnapshotTests
    {
        /// <summary>(a) The iris net: single precision, ReLU, softmax fused into the cross-entropy on logits, SGD with momentum.</summary>
        [Fact]
        public void Iris() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(16)] [ReLU]
                [Dense(3)]
                [SoftmaxCrossEntropy]
                [Sgd(LearningRate = 0.1, Momentum = 0.9)]
                public partial class IrisNet { }
            }
            """);

        /// <summary>(b) Double-precision regression: Tanh and Sigmoid hidden layers, a linear output, MSE, Adam.</summary>
        [Fact]
        public void Regression() => Check("""
            using Backprop.Generated;

            namespace Demo.Regression
            {
                [Network(Precision.Double)]
                [Input(3)]
                [Dense(5)] [Tanh]
                [Dense(4)] [Sigmoid]
                [Dense(2)]
                [MeanSquaredError]
                [Adam(LearningRate = 0.01)]
                public partial class RegressionNet { }
            }
            """);

        /// <summary>
        /// (b2) Rows of whole vectors and no clipping: TrainBatch on one sample fuses AdamW's update into the backward pass
        /// (TrainOneSample, UpdateLayer*), and the first layer's training backward skips the input gradient.
        /// </summary>
        [Fact]
        public void OnlineStep() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(16)]
                [Dense(40)] [Tanh]
                [Dense(3)]
                [MeanSquaredError]
                [AdamW(LearningRate = 0.01, WeightDecay = 0.01)]
                public partial class OnlineNet { }
            }
            """);

        /// <summary>
        /// (b3) A layer whose outputs are whole 512-bit vectors: ForwardBatch's tiles read its weights transposed
        /// (TransposeWeights, ForwardTransposed0: a block of four vectors of outputs, then the last one), TrainBatch's do not.
        /// </summary>
        [Fact]
        public void TransposedBatch() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(16)]
                [Dense(80)] [ReLU]
                [Dense(4)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.01)]
                public partial class TransposedNet { }
            }
            """);

        /// <summary>
        /// (b3b) A first layer whose W (96×100, 38 KB) does not fit L1: Inference keeps its first 96 rows input-major
        /// (PackInputMajor) and its Forward reads them from there (ForwardInputMajor0: six 512-bit vectors of outputs in two
        /// sets of accumulators, or at 256 bits a block of eight and four more in two sets), broadcasting each input from
        /// the caller's span; the last 4 rows are dot products over the row-major W.
        /// </summary>
        [Fact]
        public void InputMajor() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(96)]
                [Dense(100)] [ReLU]
                [Dense(4)]
                public partial class InputMajorNet { }
            }
            """);

        /// <summary>(b4) 4 → 8 → 3: every tensor fits a 256-bit vector, so the one-sample forward runs as a chain of registers (RunForwardChain).</summary>
        [Fact]
        public void Chain() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(8)] [ReLU]
                [Dense(3)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.01)]
                public partial class ChainNet { }
            }
            """);

        /// <summary>(b5) 16 → 32 → 4: every tensor but the output is whole 512-bit vectors, so where Vector512 runs the one-sample forward is a chain of 512-bit registers (RunForwardChainWide).</summary>
        [Fact]
        public void WideChain() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(16)]
                [Dense(32)] [Tanh]
                [Dense(4)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.01)]
                public partial class WideChainNet { }
            }
            """);

        /// <summary>
        /// (b6) 48 → 16 → 3: TrainBatch's first-layer gradient for a pair of tiles (BackwardPair0) over three 512-bit vectors
        /// of inputs: one pass of two vectors (x and y), then the odd last vector alone.
        /// </summary>
        [Fact]
        public void PairedGradient() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(48)]
                [Dense(16)] [ReLU]
                [Dense(3)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.01)]
                public partial class PairedNet { }
            }
            """);

        /// <summary>(c) A residual block on a named input, with no loss and no optimizer: only Forward and the gradient API.</summary>
        [Fact]
        public void Residual() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network]
                [Input(1, Name = "x0")]
                [Dense(1)] [ReLU]
                [Dense(1)]
                [Add("x0")] [ReLU]
                public partial class ResidualNet { }
            }
            """);

        /// <summary>(d) A masked dense layer (absent weights cost nothing), sigmoids, the sum of squared errors, plain SGD.</summary>
        [Fact]
        public void Masked() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network]
                [Input(4)]
                [Dense(2, Mask = "xx.. ..xx")] [Sigmoid]
                [Dense(1)] [Sigmoid]
                [SumSquaredError]
                [Sgd(LearningRate = 0.5)]
                public partial class MaskedNet { }
            }
            """);

        /// <summary>(e) The global namespace; an explicit Softmax layer with CrossEntropy on probabilities; centered RMSprop with momentum; clipping.</summary>
        [Fact]
        public void GlobalNamespace() => Check("""
            using Backprop.Generated;

            [Network(Precision.Double)]
            [Input(3)]
            [Dense(4)] [Tanh]
            [Dense(3)] [Softmax]
            [CrossEntropy]
            [RmsProp(Centered = true, Momentum = 0.9)]
            [ClipGradNorm(1.0)]
            public partial class GlobalNet { }
            """);

        /// <summary>
        /// (e2) No dense layer: the softmax fused into the cross-entropy reads the network input, so the loss's gradient is
        /// the input gradient (the docs say so), and with no weights there is no fused one-sample step.
        /// </summary>
        [Fact]
        public void NoDenseLayer() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Softmax]
                [CrossEntropy]
                [Sgd]
                public partial class SoftmaxOnly { }
            }
            """);

        /// <summary>(f) Concatenations of named layers and of the input, the remaining activations, a dense layer without bias, BCE after Sigmoid, AdamW.</summary>
        [Fact]
        public void Concat() => Check("""
            using Backprop.Generated;

            namespace Demo.Branches
            {
                [Network]
                [Input(3)]
                [Dense(4)] [GELU(Name = "trunk")]
                [Dense(2)] [SiLU]
                [Concat("trunk")]
                [Dense(3)] [ELU(0.5)]
                [Dense(3)] [LeakyReLU(0.2)]
                [Concat("input")]
                [Dense(3, Bias = false)] [Softplus]
                [Dense(1)] [Sigmoid]
                [BinaryCrossEntropy]
                [AdamW(LearningRate = 0.003)]
                public partial class ConcatNet { }
            }
            """);

        /// <summary>(g) An Identity layer, MSE on a single output, SGD with Nesterov momentum and coupled weight decay.</summary>
        [Fact]
        public void IdentityAndNesterov() => Check("""
            using Backprop.Generated;

            namespace Demo
            {
                [Network(Precision.Double)]
                [Input(2)]
                [Dense(2)] [Identity]
                [Dense(1)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.05, Momentum = 0.9, Nesterov = true, WeightDecay = 0.0001)]
                public partial class NesterovNet { }
            }
            """);

        /// <summary>
        /// A network with a warning (BCE after Tanh): the source is still generated, and the diagnostic is snapshotted
        /// in SnapshotTests.WarningIsSnapshotted.verified.txt beside it.
        /// </summary>
        [Fact]
        public void WarningIsSnapshotted()
        {
            GeneratorOutput output = GeneratorHarness.Run("""
                using Backprop.Generated;

                namespace Demo
                {
                    [Network]
                    [Input(2)]
                    [Dense(1)] [Tanh]
                    [BinaryCrossEntropy]
                    public partial class WarnedNet { }
                }
                """);
            Assert.Null(output.RunResult.Results.Single().Exception);
            Assert.Equal(new[] { "BPG019" }, output.GeneratorDiagnostics.Select(d => d.Id));
            Assert.Equal(DiagnosticSeverity.Warning, output.GeneratorDiagnostics[0].Severity);
            Assert.Single(output.Sources);
            GeneratorHarness.CompileAndLoad(output);
            Snapshot.VerifyGenerated(output);
        }

        private static void Check(string source, [System.Runtime.CompilerServices.CallerMemberName] string testMethod = "")
        {
            GeneratorOutput output = GeneratorHarness.Run(source);
            Assert.Null(output.RunResult.Results.Single().Exception);
            Assert.Empty(output.GeneratorDiagnostics);
            Assert.Single(output.Sources);
            GeneratorHarness.CompileAndLoad(output);
            // Warning-free also under every warning wave (a consumer on the .NET 10 SDK gets AnalysisLevel latest).
            GeneratorHarness.CompileAndLoad(output with { Compilation = output.Compilation.WithOptions(output.Compilation.Options.WithWarningLevel(9999)) });
            Snapshot.VerifyGenerated(output, testMethod: testMethod);
        }

        // The helper itself, on a temporary folder and a fake environment (never the process's, nor the repository's files).

        [Fact]
        public void Helper_MissingSnapshot_FailsAndWritesReceived()
        {
            using var folder = new TempFolder();
            var ex = Assert.Throws<XunitException>(() => Snapshot.Match(folder.Path, "T.M", new[] { Target("#A.g.verified.cs", "line 1\n") }, NoEnvironment));
            string received = Path.Combine(folder.Path, "T.M#A.g.received.cs");
            Assert.Equal("line 1\n", File.ReadAllText(received));
            Assert.Contains("No verified snapshot", ex.Message);
            Assert.Contains(received, ex.Message);
            Assert.Contains("+line 1", ex.Message);
            Assert.False(File.Exists(Path.Combine(folder.Path, "T.M#A.g.verified.cs")));
        }

        [Fact]
        public void Helper_OneCharacterChange_FailsWithDiff()
        {
            using var folder = new TempFolder();
            string lines = string.Concat(Enumerable.Range(1, 20).Select(i => "line " + i + "\n"));
            File.WriteAllText(Path.Combine(folder.Path, "T.M#A.g.verified.cs"), lines);
            var ex = Assert.Throws<XunitException>(() =>
                Snapshot.Match(folder.Path, "T.M", new[] { Target("#A.g.verified.cs", lines.Replace("line 10\n", "line 1O\n")) }, NoEnvironment));
            Assert.Contains("@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+line 1O\n line 11\n line 12\n line 13\n", ex.Message);
            Assert.True(File.Exists(Path.Combine(folder.Path, "T.M#A.g.received.cs")));
            Assert.Equal(lines, File.ReadAllText(Path.Combine(folder.Path, "T.M#A.g.verified.cs")));
        }

        [Fact]
        public void Helper_LineEndingsAndBom_AreIgnored_AndAStaleReceivedFileIsDeleted()
        {
            using var folder = new TempFolder();
            File.WriteAllText(Path.Combine(folder.Path, "T.M#A.g.verified.cs"), "\uFEFFa\r\nb\r\n");
            File.WriteAllText(Path.Combine(folder.Path, "T.M#A.g.received.cs"), "old");
            Snapshot.Match(folder.Path, "T.M", new[] { Target("#A.g.verified.cs", "a\nb\n") }, NoEnvironment);
            Assert.False(File.Exists(Path.Combine(folder.Path, "T.M#A.g.received.cs")));
        }

        [Fact]
        public void Helper_AcceptVariable_OverwritesVerified()
        {
            using var folder = new TempFolder();
            File.WriteAllText(Path.Combine(folder.Path, "T.M#A.g.verified.cs"), "old\n");
            File.WriteAllText(Path.Combine(folder.Path, "T.M#Gone.g.verified.cs"), "gone\n");
            File.WriteAllText(Path.Combine(folder.Path, "T.Mother#A.g.verified.cs"), "another test's\n");
            Snapshot.Match(folder.Path, "T.M", new[] { Target("#A.g.verified.cs", "new\n"), Target("#B.g.verified.cs", "b\n") }, FakeEnvironment(accept: "1", ci: null));
            Assert.Equal("new\n", File.ReadAllText(Path.Combine(folder.Path, "T.M#A.g.verified.cs")));
            Assert.Equal("b\n", File.ReadAllText(Path.Combine(folder.Path, "T.M#B.g.verified.cs")));
            Assert.False(File.Exists(Path.Combine(folder.Path, "T.M#Gone.g.verified.cs")));
            Assert.True(File.Exists(Path.Combine(folder.Path, "T.Mother#A.g.verified.cs")));
            Assert.Empty(Directory.GetFiles(folder.Path, "*.received.*"));
        }

        [Fact]
        public void Helper_AcceptVariable_IsIgnoredOnCi()
        {
            using var folder = new TempFolder();
            File.WriteAllText(Path.Combine(folder.Path, "T.M#A.g.verified.cs"), "old\n");
            var ex = Assert.Throws<XunitException>(() =>
                Snapshot.Match(folder.Path, "T.M", new[] { Target("#A.g.verified.cs", "new\n") }, FakeEnvironment(accept: "1", ci: "true")));
            Assert.Contains("ignored because CI=true", ex.Message);
            Assert.Equal("old\n", File.ReadAllText(Path.Combine(folder.Path, "T.M#A.g.verified.cs")));
            Assert.Equal("new\n", File.ReadAllText(Path.Combine(folder.Path, "T.M#A.g.received.cs")));
        }

        [Fact]
        public void Helper_VerifiedFileNoLongerProduced_Fails()
        {
            using var folder = new TempFolder();
            File.WriteAllText(Path.Combine(folder.Path, "T.M#A.g.verified.cs"), "a\n");
            File.WriteAllText(Path.Combine(folder.Path, "T.M.verified.txt"), "{ Diagnostics: [] }");
            var ex = Assert.Throws<XunitException>(() => Snapshot.Match(folder.Path, "T.M", new[] { Target("#A.g.verified.cs", "a\n") }, NoEnvironment));
            Assert.Contains("T.M.verified.txt is no longer produced", ex.Message);
        }

        [Fact]
        public void Helper_LongDiff_IsCut()
        {
            string before = string.Concat(Enumerable.Range(0, 200).Select(i => "a" + i + "\n"));
            string after = string.Concat(Enumerable.Range(0, 200).Select(i => "b" + i + "\n"));
            string diff = Snapshot.UnifiedDiff(before, after, "v", "r", Snapshot.MaxDiffLines);
            string[] lines = diff.TrimEnd('\n').Split('\n');
            Assert.Equal(Snapshot.MaxDiffLines + 1, lines.Length);
            Assert.Equal("@@ -1,200 +1,200 @@", lines[2]);
            Assert.Equal("... 343 more diff lines not shown", lines[^1]);
        }

        [Fact]
        public void Helper_DiffOfInsertionsAndDeletions()
        {
            Assert.Equal("", Snapshot.UnifiedDiff("a\nb\n", "a\nb\n", "v", "r", 60));
            Assert.Equal("--- v\n+++ r\n@@ -0,0 +1 @@\n+x\n", Snapshot.UnifiedDiff("", "x\n", "v", "r", 60));
            Assert.Equal("--- v\n+++ r\n@@ -1,2 +1 @@\n a\n-b\n", Snapshot.UnifiedDiff("a\nb\n", "a\n", "v", "r", 60));
            Assert.Equal("--- v\n+++ r\n@@ -1,2 +1,3 @@\n a\n+x\n b\n", Snapshot.UnifiedDiff("a\nb\n", "a\nx\nb\n", "v", "r", 60));
            Assert.Equal("--- v\n+++ r\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n", Snapshot.UnifiedDiff("a\n", "a", "v", "r", 60));
            // Two changes far apart are two hunks.
            string before = string.Concat(Enumerable.Range(0, 20).Select(i => i + "\n"));
            string after = string.Concat(Enumerable.Range(0, 20).Select(i => (i == 2 ? "two" : i == 17 ? "seventeen" : i.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "\n"));
            string diff = Snapshot.UnifiedDiff(before, after, "v", "r", 60);
            Assert.Contains("@@ -1,6 +1,6 @@\n 0\n 1\n-2\n+two\n 3\n 4\n 5\n", diff);
            Assert.Contains("@@ -15,6 +15,6 @@\n 14\n 15\n 16\n-17\n+seventeen\n 18\n 19\n", diff);
        }

        [Fact]
        public void Helper_ScrubsTheGeneratorVersion_AndNamesFilesAsVerifySourceGenerators()
        {
            GeneratorOutput output = GeneratorHarness.Run("""
                namespace Demo
                {
                    [Backprop.Generated.Network] [Backprop.Generated.Input(1)] [Backprop.Generated.Dense(1)]
                    public partial class Tiny { }
                }
                """);
            string raw = output.Sources["Demo.Tiny.g.cs"];
            string attribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"Backprop.Generated.Generator\", \"" + NetworkEmitter.GeneratorVersion + "\")]";
            Assert.Contains(attribute, raw);

            SnapshotTarget target = Assert.Single(Snapshot.Targets(output.RunResult));
            Assert.Equal("#Demo.Tiny.g.verified.cs", target.Suffix);
            Assert.StartsWith("//HintName: Demo.Tiny.g.cs\n", target.Text);
            Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"Backprop.Generated.Generator\", \"VERSION\")]", target.Text);
            Assert.DoesNotContain(NetworkEmitter.GeneratorVersion, target.Text);
            Assert.Equal(raw, target.Text.Substring(target.Text.IndexOf('\n') + 1).Replace("\"VERSION\"", "\"" + NetworkEmitter.GeneratorVersion + "\""));
        }

        private static SnapshotTarget Target(string suffix, string text) => new(suffix, text);

        private static string? NoEnvironment(string name) => null;

        private static Func<string, string?> FakeEnvironment(string? accept, string? ci)
            => name => name == Snapshot.AcceptVariable ? accept : name == Snapshot.CiVariable ? ci : null;

        private sealed class TempFolder : IDisposable
        {
            public string Path { get; } = Directory.CreateTempSubdirectory("backprop-snapshot-").FullName;

            public void Dispose() => Directory.Delete(Path, recursive: true);
        }
    }
}
