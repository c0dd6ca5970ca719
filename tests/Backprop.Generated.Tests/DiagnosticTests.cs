using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Backprop.Generated.Generator;
using Backprop.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// One test per diagnostic descriptor (BPG001..BPG036): for a small invalid declaration, the generator reports exactly
    /// the expected diagnostics, with their exact message and location (the offending attribute, the [Network] attribute
    /// for class-level problems, the member's declaration for BPG007), and the outcome is safe: errors generate nothing,
    /// warnings generate code that compiles, and the generator never crashes. Test names start with the ID they cover;
    /// <see cref="Every_descriptor_is_well_formed_and_exercised"/> checks that every descriptor but BPG099 has one.
    /// </summary>
    public sealed class DiagnosticTests
    {
        private const string DefaultPath = "Network.cs";
        private const string NetworkAttr = "Network(Precision.Single)";

        // ---------------------------------------------------------------- class shape

        private const string NotPartialSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                public class Net { }
            }
            """;

        [Fact]
        public void BPG001_class_must_be_partial()
        {
            GeneratorOutput output = Run(NotPartialSource);

            AssertDiagnostics(output, Error("BPG001",
                "The network class 'Net' must be declared partial so the generator can add its members: write 'partial class Net'",
                NotPartialSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string RecordSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                public partial record Net;
            }
            """;

        [Fact]
        public void BPG002_network_must_be_a_class_not_a_record()
        {
            GeneratorOutput output = Run(RecordSource);

            AssertDiagnostics(output, Error("BPG002",
                "'Net' is a record; [Network] goes on a partial class: declare it as 'partial class Net'",
                RecordSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string NestedSource = """
            using Backprop.Generated;
            namespace Demo
            {
                public partial class Outer
                {
                    [Network(Precision.Single)]
                    [Input(4)]
                    [Dense(3)]
                    [MeanSquaredError]
                    public partial class Net { }
                }
            }
            """;

        [Fact]
        public void BPG003_class_must_not_be_nested()
        {
            GeneratorOutput output = Run(NestedSource);

            AssertDiagnostics(output, Error("BPG003",
                "The network class 'Net' is nested inside 'Outer'; declare it directly in a namespace",
                NestedSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string GenericSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                public partial class Net<T> { }
            }
            """;

        [Fact]
        public void BPG004_class_must_not_be_generic()
        {
            GeneratorOutput output = Run(GenericSource);

            AssertDiagnostics(output, Error("BPG004",
                "The network class 'Net' has type parameters; remove them (the precision is chosen with [Network(Precision.Single)] or [Network(Precision.Double)])",
                GenericSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string StaticSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                public static partial class Net { }
            }
            """;

        [Fact]
        public void BPG005_class_must_not_be_static()
        {
            GeneratorOutput output = Run(StaticSource);

            AssertDiagnostics(output, Error("BPG005",
                "The network class 'Net' is static, but a network keeps its parameters in instance fields; remove 'static'",
                StaticSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string UnknownPrecisionSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network((Precision)7)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        private const string NegativePrecisionSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network((Precision)(-1))]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(UnknownPrecisionSource, "Network((Precision)7)", "7")]
        [InlineData(NegativePrecisionSource, "Network((Precision)(-1))", "-1")]
        public void BPG006_precision_must_be_single_or_double(string source, string attribute, string shown)
        {
            GeneratorOutput output = Run(source);

            AssertDiagnostics(output, Error("BPG006",
                "The precision " + shown + " is not known; use Precision.Single or Precision.Double",
                source, attribute));
            AssertNothingGenerated(output);
        }

        private const string ValidAttributes = """
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(8)] [ReLU]
                [Dense(3)]
                [SoftmaxCrossEntropy]
                [Sgd(LearningRate = 0.1)]
            """;

        // The member sits in its own partial declaration, in the network's file or in a second file.
        [Theory]
        [InlineData("public void Forward() { }", "Forward", "public void Forward() { }", false)]
        [InlineData("public Net() { }", "Net()", "public Net() { }", false)]
        [InlineData("public Net(int seed) { }", "Net(int seed)", "public Net(int seed) { }", false)]
        [InlineData("private readonly int Layer1Weights = 0;", "Layer1Weights", "Layer1Weights = 0", false)]
        [InlineData("public float Loss => 0f;", "Loss", "public float Loss => 0f;", true)]
        [InlineData("public int CheckLength => 0;", "CheckLength", "public int CheckLength => 0;", false)]
        [InlineData("public int BackwardUnchecked => 0;", "BackwardUnchecked", "public int BackwardUnchecked => 0;", false)]
        [InlineData("public int ThrowLengthMismatch => 0;", "ThrowLengthMismatch", "public int ThrowLengthMismatch => 0;", false)]
        [InlineData("public int TrainOneSample => 0;", "TrainOneSample", "public int TrainOneSample => 0;", false)]
        [InlineData("public int ParameterGradientLayer0 => 0;", "ParameterGradientLayer0", "public int ParameterGradientLayer0 => 0;", false)]
        [InlineData("public int UpdateLayer2 => 0;", "UpdateLayer2", "public int UpdateLayer2 => 0;", false)]
        public void BPG007_user_member_must_not_take_a_generated_name(string member, string shown, string declaration, bool inSecondFile)
        {
            string fix = shown.StartsWith("Net(", StringComparison.Ordinal)
                ? "remove it: the generated constructors Net() and Net(int seed) initialize the parameters"
                : "rename or remove it";
            string network = "using Backprop.Generated;\nnamespace Demo\n{\n" + ValidAttributes + "\n    public partial class Net\n    {\n"
                + (inSecondFile ? "" : "        " + member + "\n") + "    }\n}\n";
            string user = "namespace Demo\n{\n    public partial class Net\n    {\n        " + member + "\n    }\n}\n";
            var sources = new List<(string Path, string Source)> { (DefaultPath, network) };
            if (inSecondFile) sources.Add(("Net.User.cs", user));

            GeneratorOutput output = GeneratorHarness.Run(sources);

            AssertDiagnostics(output, Error("BPG007",
                "'Net' declares '" + shown + "', which the generator writes for every network; " + fix,
                inSecondFile ? user : network, declaration, inSecondFile ? "Net.User.cs" : DefaultPath));
            AssertNothingGenerated(output);
        }

        private const string SplitNetworkFile = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                public partial class Net { }
            }
            """;

        private const string SplitLayersFile = """
            using Backprop.Generated;
            namespace Demo
            {
                [ReLU]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        private const string SplitBareNetworkFile = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                public partial class Net { }
            }
            """;

        private const string SplitAllLayersFile = """
            using Backprop.Generated;
            namespace Demo
            {
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(SplitNetworkFile, SplitLayersFile)]
        [InlineData(SplitBareNetworkFile, SplitAllLayersFile)]
        public void BPG008_layers_must_be_on_one_declaration(string networkFile, string otherFile)
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { ("Net.Other.cs", otherFile), ("Net.cs", networkFile) });

            AssertDiagnostics(output, Error("BPG008",
                "The layers of 'Net' are spread over several partial declarations, so their order is not defined; put [Network] and every layer attribute on one declaration",
                networkFile, NetworkAttr, "Net.cs"));
            AssertNothingGenerated(output);
        }

        // ---------------------------------------------------------------- layer order and sizes

        private const string MissingInputSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.1)]
                public partial class Net { }
            }
            """;

        private const string MissingInputWithLayersSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Dense(3)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(MissingInputSource)]
        [InlineData(MissingInputWithLayersSource)]
        public void BPG010_network_needs_an_input(string source)
        {
            GeneratorOutput output = Run(source);

            AssertDiagnostics(output, Error("BPG010",
                "The network 'Net' has no [Input]; add one before the first layer, for example [Input(4)] for 4 features",
                source, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string DuplicateInputSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Input(5)]
                [Dense(3)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG011_network_has_one_input()
        {
            GeneratorOutput output = Run(DuplicateInputSource);

            AssertDiagnostics(output, Error("BPG011",
                "The network 'Net' has a second [Input]; keep exactly one, before the first layer (a second input tensor is not supported)",
                DuplicateInputSource, "Input(5)"));
            AssertNothingGenerated(output);
        }

        // Two layers before the input: only the first is reported.
        private const string InputNotFirstSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Dense(3)]
                [ReLU]
                [Input(4)]
                [Dense(2)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG012_input_comes_before_every_layer()
        {
            GeneratorOutput output = Run(InputNotFirstSource);

            AssertDiagnostics(output, Error("BPG012",
                "[Dense] comes before [Input]; move [Input] above every layer",
                InputNotFirstSource, "Dense(3)"));
            AssertNothingGenerated(output);
        }

        private const string ZeroInputSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(0)]
                [Dense(3)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        private const string NegativeDenseSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(-3)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(ZeroInputSource, "Input(0)", "[Input] has size 0; give it a size of at least 1, for example [Input(1)]")]
        [InlineData(NegativeDenseSource, "Dense(-3)", "[Dense] has size -3; give it a size of at least 1, for example [Dense(1)]")]
        public void BPG013_sizes_must_be_positive(string source, string attribute, string message)
        {
            GeneratorOutput output = Run(source);

            AssertDiagnostics(output, Error("BPG013", message, source, attribute));
            AssertNothingGenerated(output);
        }

        private const string NoLayersSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.1)]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG014_network_needs_a_layer()
        {
            GeneratorOutput output = Run(NoLayersSource);

            AssertDiagnostics(output, Error("BPG014",
                "The network 'Net' has no layers after its input; add at least one, for example [Dense(1)]",
                NoLayersSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        // ---------------------------------------------------------------- loss, optimizer, clipping

        private const string LayerAfterLossSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [Tanh]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG015_loss_follows_the_last_layer()
        {
            GeneratorOutput output = Run(LayerAfterLossSource);

            AssertDiagnostics(output, Error("BPG015",
                "[Tanh] comes after the loss [MeanSquaredError], but the loss must follow the last layer; move [MeanSquaredError] below [Tanh]",
                LayerAfterLossSource, "Tanh"));
            AssertNothingGenerated(output);
        }

        private const string DuplicateLossSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [SumSquaredError]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG016_network_has_one_loss()
        {
            GeneratorOutput output = Run(DuplicateLossSource);

            AssertDiagnostics(output, Error("BPG016",
                "The network already has the loss [MeanSquaredError]; remove [SumSquaredError] or [MeanSquaredError], because a network has one loss",
                DuplicateLossSource, "SumSquaredError"));
            AssertNothingGenerated(output);
        }

        private const string DuplicateOptimizerSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.1)]
                [Adam]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG017_network_has_one_optimizer()
        {
            GeneratorOutput output = Run(DuplicateOptimizerSource);

            AssertDiagnostics(output, Error("BPG017",
                "The network already has the optimizer [Sgd]; remove [Adam] or [Sgd], because a network has one optimizer",
                DuplicateOptimizerSource, "Adam"));
            AssertNothingGenerated(output);
        }

        private const string SoftmaxBeforeLogitsSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [Softmax]
                [SoftmaxCrossEntropy]
                public partial class Net { }
            }
            """;

        // Identity layers are transparent: softmax is still the last real layer.
        private const string SoftmaxIdentityBeforeLogitsSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Double)]
                [Input(4)]
                [Dense(3)]
                [Softmax]
                [Identity]
                [SoftmaxCrossEntropy]
                [Adam]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(SoftmaxBeforeLogitsSource)]
        [InlineData(SoftmaxIdentityBeforeLogitsSource)]
        public void BPG018_no_softmax_before_a_loss_on_logits(string source)
        {
            GeneratorOutput output = Run(source);

            AssertDiagnostics(output, Error("BPG018",
                "[SoftmaxCrossEntropy] applies softmax itself and expects logits, but the last layer is [Softmax], so softmax would be applied twice and the gradients would be wrong; remove [Softmax], or use [CrossEntropy], which takes probabilities",
                source, "SoftmaxCrossEntropy"));
            AssertNothingGenerated(output);
        }

        private const string BceAfterDenseSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(1)]
                [BinaryCrossEntropy]
                [Sgd(LearningRate = 0.1)]
                public partial class Net { }
            }
            """;

        private const string CrossEntropyAfterReluSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Double)]
                [Input(4)]
                [Dense(3)]
                [ReLU]
                [CrossEntropy]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(BceAfterDenseSource, "BinaryCrossEntropy",
            "[BinaryCrossEntropy] expects outputs between 0 and 1, but the last layer is [Dense]; end the network with [Sigmoid]")]
        [InlineData(CrossEntropyAfterReluSource, "CrossEntropy",
            "[CrossEntropy] expects probabilities, but the last layer is [ReLU]; end the network with [Softmax], or use [SoftmaxCrossEntropy], which takes logits")]
        public void BPG019_last_layer_should_suit_the_loss(string source, string loss, string message)
        {
            GeneratorOutput output = Run(source);

            AssertDiagnostics(output, Warning("BPG019", message, source, loss));
            AssertGeneratedAndCompiles(output);
        }

        private const string ZeroLearningRateSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0)]
                public partial class Net { }
            }
            """;

        private const string AdamBeta1OneSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [Adam(Beta1 = 1)]
                public partial class Net { }
            }
            """;

        private const string NesterovWithoutMomentumSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.1, Nesterov = true)]
                public partial class Net { }
            }
            """;

        private const string NegativeWeightDecaySource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Double)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [AdamW(WeightDecay = -0.01)]
                public partial class Net { }
            }
            """;

        private const string RmsPropAlphaSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [RmsProp(Alpha = 1.5)]
                public partial class Net { }
            }
            """;

        private const string ZeroClipSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.1)]
                [ClipGradNorm(0)]
                public partial class Net { }
            }
            """;

        private const string NaNSlopeSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [LeakyReLU(double.NaN)]
                [Dense(2)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(ZeroLearningRateSource, "Sgd(LearningRate = 0)",
            "LearningRate of [Sgd] is 0, but it must be a positive, finite number; change LearningRate")]
        [InlineData(AdamBeta1OneSource, "Adam(Beta1 = 1)",
            "Beta1 of [Adam] is 1, but it must be at least 0 and below 1; change Beta1")]
        [InlineData(NesterovWithoutMomentumSource, "Sgd(LearningRate = 0.1, Nesterov = true)",
            "Momentum of [Sgd] is 0, but it must be positive when Nesterov = true (Nesterov momentum needs a momentum); change Momentum")]
        [InlineData(NegativeWeightDecaySource, "AdamW(WeightDecay = -0.01)",
            "WeightDecay of [AdamW] is -0.01, but it must be zero or a positive, finite number; change WeightDecay")]
        [InlineData(RmsPropAlphaSource, "RmsProp(Alpha = 1.5)",
            "Alpha of [RmsProp] is 1.5, but it must be between 0 and 1; change Alpha")]
        [InlineData(ZeroClipSource, "ClipGradNorm(0)",
            "MaxNorm of [ClipGradNorm] is 0, but it must be a positive, finite number; change MaxNorm")]
        [InlineData(NaNSlopeSource, "LeakyReLU(double.NaN)",
            "Slope of [LeakyReLU] is NaN, but it must be a finite number; change Slope")]
        public void BPG020_hyperparameters_must_be_in_range(string source, string attribute, string message)
        {
            GeneratorOutput output = Run(source);

            AssertDiagnostics(output, Error("BPG020", message, source, attribute));
            AssertNothingGenerated(output);
        }

        private const string ClipWithoutOptimizerSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [ClipGradNorm(1.0)]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG021_clipping_needs_an_optimizer()
        {
            GeneratorOutput output = Run(ClipWithoutOptimizerSource);

            AssertDiagnostics(output, Warning("BPG021",
                "[ClipGradNorm] clips gradients inside Step, which is only generated with an optimizer; add one (for example [Sgd(LearningRate = 0.1)]) or remove [ClipGradNorm]",
                ClipWithoutOptimizerSource, "ClipGradNorm(1.0)"));
            AssertGeneratedAndCompiles(output);
        }

        private const string DuplicateClipSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.1)]
                [ClipGradNorm(1.0)]
                [ClipGradNorm(2.0)]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG022_network_clips_once()
        {
            GeneratorOutput output = Run(DuplicateClipSource);

            AssertDiagnostics(output, Error("BPG022",
                "The network already clips the gradient norm; keep one [ClipGradNorm]",
                DuplicateClipSource, "ClipGradNorm(2.0)"));
            AssertNothingGenerated(output);
        }

        // ---------------------------------------------------------------- names and merges

        private const string UnknownNameSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(4)]
                [Add("nope")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        private const string UnknownNameRenamedInputSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4, Name = "features")]
                [Dense(3)]
                [Concat("inputs")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(UnknownNameSource, "Add(\"nope\")",
            "[Add(\"nope\")] reads 'nope', but no layer has that name; give an earlier layer Name = \"nope\", or read \"input\" for the input")]
        [InlineData(UnknownNameRenamedInputSource, "Concat(\"inputs\")",
            "[Concat(\"inputs\")] reads 'inputs', but no layer has that name; give an earlier layer Name = \"inputs\", or read \"features\" for the input")]
        public void BPG030_merge_reads_a_known_name(string source, string attribute, string message)
        {
            GeneratorOutput output = Run(source);

            AssertDiagnostics(output, Error("BPG030", message, source, attribute));
            AssertNothingGenerated(output);
        }

        private const string ForwardReferenceSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(4)]
                [Add("later")]
                [Dense(4, Name = "later")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG031_merge_reads_an_earlier_layer()
        {
            GeneratorOutput output = Run(ForwardReferenceSource);

            AssertDiagnostics(output, Error("BPG031",
                "[Add(\"later\")] reads 'later', which is the output of a later layer; a merge can only read the input or an earlier layer's output: move the layer named 'later' above it, or read another name",
                ForwardReferenceSource, "Add(\"later\")"));
            AssertNothingGenerated(output);
        }

        private const string DuplicateNameSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3, Name = "h")]
                [Tanh(Name = "h")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        private const string LayerNamedInputSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3, Name = "input")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        private const string LayerNamedLikeRenamedInputSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4, Name = "features")]
                [Dense(3)]
                [ReLU(Name = "features")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(DuplicateNameSource, "Tanh(Name = \"h\")", "h")]
        [InlineData(LayerNamedInputSource, "Dense(3, Name = \"input\")", "input")]
        [InlineData(LayerNamedLikeRenamedInputSource, "ReLU(Name = \"features\")", "features")]
        public void BPG032_layer_names_are_unique(string source, string attribute, string name)
        {
            GeneratorOutput output = Run(source);

            AssertDiagnostics(output, Error("BPG032",
                "The name '" + name + "' is already used by an earlier layer or by the input; give each layer a unique name",
                source, attribute));
            AssertNothingGenerated(output);
        }

        private const string AddWidthMismatchSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3, Name = "a")]
                [Dense(4)]
                [Add("a")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG033_add_joins_tensors_of_one_width()
        {
            GeneratorOutput output = Run(AddWidthMismatchSource);

            AssertDiagnostics(output, Error("BPG033",
                "[Add(\"a\")] adds 'a' of width 3 to the current tensor of width 4; both must have the same width (use [Concat] to join tensors of different widths)",
                AddWidthMismatchSource, "Add(\"a\")"));
            AssertNothingGenerated(output);
        }

        // ---------------------------------------------------------------- masks

        // The BPG034 and BPG036 sources are one declaration with different masks on its [Dense(2)] over three inputs:
        // MaskedDenseBeforeMask, the mask, then MaskedDenseAfterMask, which closes [Dense(2, Mask = "…")].
        private const string MaskTooFewRowsSource = MaskedDenseBeforeMask + "111" + MaskedDenseAfterMask;
        private const string MaskRaggedRowsSource = MaskedDenseBeforeMask + "111 11" + MaskedDenseAfterMask;
        private const string MaskLongRowsSource = MaskedDenseBeforeMask + "1111|1111" + MaskedDenseAfterMask;
        private const string MaskEmptySource = MaskedDenseBeforeMask + "" + MaskedDenseAfterMask;

        private const string MaskedDenseBeforeMask = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(3)]
                [Dense(2, Mask = "
            """;

        private const string MaskedDenseAfterMask = """
            ")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Theory]
        [InlineData(MaskTooFewRowsSource, "Dense(2, Mask = \"111\")", "1 row of 3 characters")]
        [InlineData(MaskRaggedRowsSource, "Dense(2, Mask = \"111 11\")", "2 rows of 3 and 2 characters")]
        [InlineData(MaskLongRowsSource, "Dense(2, Mask = \"1111|1111\")", "2 rows of 4 characters")]
        [InlineData(MaskEmptySource, "Dense(2, Mask = \"\")", "no rows")]
        public void BPG034_mask_has_one_row_per_output_and_one_character_per_input(string source, string attribute, string shape)
        {
            GeneratorOutput output = Run(source);

            AssertDiagnostics(output, Error("BPG034",
                "The mask of [Dense(2)] has " + shape + ", but it needs 2 rows of 3 characters (one row per output, one character per input); write 2 rows of 3 characters",
                source, attribute));
            AssertNothingGenerated(output);
        }

        // Rows 0 and 2 connect nothing: one diagnostic each, both on the layer.
        private const string MaskEmptyRowsSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(3)]
                [Dense(3, Mask = "000, 1x., ...")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG035_every_mask_row_connects_an_input()
        {
            GeneratorOutput output = Run(MaskEmptyRowsSource);

            const string attribute = "Dense(3, Mask = \"000, 1x., ...\")";
            AssertDiagnostics(output,
                Error("BPG035",
                    "Row 1 of the mask of [Dense(3)] (output 0, counting from 0) connects no input, so that output would not depend on the input; connect at least one input in that row",
                    MaskEmptyRowsSource, attribute),
                Error("BPG035",
                    "Row 3 of the mask of [Dense(3)] (output 2, counting from 0) connects no input, so that output would not depend on the input; connect at least one input in that row",
                    MaskEmptyRowsSource, attribute));
            AssertNothingGenerated(output);
        }

        private const string MaskInvalidCharacterSource = MaskedDenseBeforeMask + "1q1 111" + MaskedDenseAfterMask;

        [Fact]
        public void BPG036_mask_uses_known_characters()
        {
            GeneratorOutput output = Run(MaskInvalidCharacterSource);

            AssertDiagnostics(output, Error("BPG036",
                "The mask of [Dense(2)] contains 'q'; write 1 or x for a connection, 0 or . for none, and separate rows with spaces, ',', ';' or '|'",
                MaskInvalidCharacterSource, "Dense(2, Mask = \"1q1 111\")"));
            AssertNothingGenerated(output);
        }

        // ---------------------------------------------------------------- the descriptors themselves

        [Fact]
        public void Every_descriptor_is_well_formed_and_exercised()
        {
            // ById lists every descriptor Diagnostics declares, under its own ID.
            DiagnosticDescriptor[] declared = typeof(Diagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .ToArray();
            Assert.Equal(declared.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), Diagnostics.ById.Keys.OrderBy(id => id, StringComparer.Ordinal));
            foreach (KeyValuePair<string, DiagnosticDescriptor> pair in Diagnostics.ById)
            {
                DiagnosticDescriptor d = pair.Value;
                Assert.Equal(pair.Key, d.Id);
                Assert.Matches("^BPG[0-9]{3}$", d.Id);
                Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString(CultureInfo.InvariantCulture)), d.Id + " has no title");
                Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat.ToString(CultureInfo.InvariantCulture)), d.Id + " has no message");
                Assert.Contains(d.Id.ToLowerInvariant(), d.HelpLinkUri, StringComparison.Ordinal);
                Assert.True(d.IsEnabledByDefault, d.Id + " is disabled by default");
            }
            string[] warnings = { "BPG019", "BPG021", "BPG023" };
            Assert.Equal(warnings,
                Diagnostics.ById.Values.Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
            Assert.All(Diagnostics.ById.Values.Where(d => !warnings.Contains(d.Id)), d => Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity));

            // Every descriptor but the internal error has a test here, named after its ID.
            string[] exercisable = Diagnostics.ById.Keys.Where(id => id != Diagnostics.InternalError.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();
            Assert.Equal(exercisable, CoveredIds());

            // And every error but the internal one has a sample in Error_messages_say_how_to_fix_the_problem.
            string[] sampled = typeof(DiagnosticTests).GetMethod(nameof(Error_messages_say_how_to_fix_the_problem))!
                .GetCustomAttributes<InlineDataAttribute>()
                .Select(a => (string)a.GetData(null!).Single()[0])
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(exercisable.Where(id => Diagnostics.ById[id].DefaultSeverity == DiagnosticSeverity.Error), sampled);
        }

        private static string[] CoveredIds()
            => typeof(DiagnosticTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.GetCustomAttribute<FactAttribute>() != null)
                .Select(m => Regex.Match(m.Name, "^(BPG[0-9]{3})_"))
                .Where(match => match.Success)
                .Select(match => match.Groups[1].Value)
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();

        // An imperative clause: a fix verb at the start of the message or of a clause (after ';', ':', '(' or ', or').
        private static readonly Regex FixClause = new Regex(
            @"(?:^|[;:(]\s*|,\s+or\s+)(?:add|remove|move|rename|declare|give|use|write|connect|keep|put|read|end|change|make)\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        [Theory]
        [InlineData("BPG001", NotPartialSource)]
        [InlineData("BPG002", RecordSource)]
        [InlineData("BPG003", NestedSource)]
        [InlineData("BPG004", GenericSource)]
        [InlineData("BPG005", StaticSource)]
        [InlineData("BPG006", UnknownPrecisionSource)]
        [InlineData("BPG007", "using Backprop.Generated;\nnamespace Demo\n{\n" + ValidAttributes + "\npublic partial class Net { public void Step() { } }\n}\n")]
        [InlineData("BPG008", SplitNetworkFile, SplitLayersFile)]
        [InlineData("BPG010", MissingInputSource)]
        [InlineData("BPG011", DuplicateInputSource)]
        [InlineData("BPG012", InputNotFirstSource)]
        [InlineData("BPG013", NegativeDenseSource)]
        [InlineData("BPG014", NoLayersSource)]
        [InlineData("BPG015", LayerAfterLossSource)]
        [InlineData("BPG016", DuplicateLossSource)]
        [InlineData("BPG017", DuplicateOptimizerSource)]
        [InlineData("BPG018", SoftmaxBeforeLogitsSource)]
        [InlineData("BPG020", ZeroLearningRateSource)]
        [InlineData("BPG022", DuplicateClipSource)]
        [InlineData("BPG030", UnknownNameSource)]
        [InlineData("BPG031", ForwardReferenceSource)]
        [InlineData("BPG032", DuplicateNameSource)]
        [InlineData("BPG033", AddWidthMismatchSource)]
        [InlineData("BPG034", MaskRaggedRowsSource)]
        [InlineData("BPG035", MaskEmptyRowsSource)]
        [InlineData("BPG036", MaskInvalidCharacterSource)]
        [InlineData("BPG009", ClassNamedLikeMemberSource)]
        [InlineData("BPG025", PrimaryConstructorSource)]
        [InlineData("BPG026", InheritedMemberSource)]
        [InlineData("BPG027", BaseConstructorSource)]
        [InlineData("BPG028", FileLocalSource)]
        [InlineData("BPG024", TooLargeSource)]
        [InlineData("BPG037", InvalidNameSource)]
        public void Error_messages_say_how_to_fix_the_problem(string id, string source, string? secondFile = null)
        {
            var sources = new List<(string Path, string Source)> { ("Net.cs", source) };
            if (secondFile != null) sources.Add(("Net.Other.cs", secondFile));

            GeneratorOutput output = GeneratorHarness.Run(sources);

            Diagnostic[] reported = output.GeneratorDiagnostics.Where(d => d.Id == id).ToArray();
            Assert.NotEmpty(reported);
            Assert.All(reported, diagnostic =>
            {
                Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
                string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                Assert.True(FixClause.IsMatch(message), id + " does not say how to fix the problem: " + message);
            });
        }

        // ---------------------------------------------------------------- helpers

        private sealed record Expected(string Id, DiagnosticSeverity Severity, string Message, string Path, TextSpan Span, LinePositionSpan Lines)
        {
            public override string ToString()
                => Id + " " + Severity + " " + Path + " " + Span + " " + Lines + ": " + Message;
        }

        // ---------------------------------------------------------------- added with BPG009, BPG023, BPG024, BPG037

        private const string ClassNamedLikeMemberSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(3)]
                [Dense(2)]
                [MeanSquaredError]
                public partial class Loss { }
            }
            """;

        [Fact]
        public void BPG009_class_must_not_be_named_like_a_generated_member()
        {
            GeneratorOutput output = Run(ClassNamedLikeMemberSource);

            AssertDiagnostics(output, Error("BPG009",
                "The network class is named 'Loss', the name of a member the generator writes into it (a member cannot share its class's name); rename the class, for example to 'LossNetwork'",
                ClassNamedLikeMemberSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string SingleOutputSoftmaxSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(1)]
                [SoftmaxCrossEntropy]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG023_softmax_over_one_output_cannot_learn()
        {
            GeneratorOutput output = Run(SingleOutputSoftmaxSource);

            AssertDiagnostics(output, Warning("BPG023",
                "[SoftmaxCrossEntropy] applies softmax over a single output, which is always 1, so the loss is constant and the network cannot learn; for two classes use [Dense(1)] [Sigmoid] [BinaryCrossEntropy], or give the last layer one output per class",
                SingleOutputSoftmaxSource, "SoftmaxCrossEntropy"));
            AssertGeneratedAndCompiles(output);
        }

        private const string TooLargeSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(50000)]
                [Dense(50000)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG024_network_must_fit_in_arrays()
        {
            GeneratorOutput output = Run(TooLargeSource);

            AssertDiagnostics(output, Error("BPG024",
                "[Dense(50000)] brings the network to 2500050000 parameters, more than it can hold (715827863, so that its largest buffer fits in a .NET array); make the layers smaller",
                TooLargeSource, "Dense(50000)"));
            AssertNothingGenerated(output);
        }

        private const string InvalidNameSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(3)]
                [Dense(3, Name = "a\nb")] [ReLU]
                [Add("a\nb")]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG037_names_must_be_identifiers()
        {
            GeneratorOutput output = Run(InvalidNameSource);

            AssertDiagnostics(output, Error("BPG037",
                "The name 'a\nb' is not a valid layer name; use letters, digits and '_', starting with a letter or '_' (for example \"h1\")",
                InvalidNameSource, "Dense(3, Name = \"a\\nb\")"));
            AssertNothingGenerated(output);
        }

        private const string SuppressedWarningSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(4)]
                [Dense(3)]
            #pragma warning disable BPG019 // probabilities come from outside the network
                [BinaryCrossEntropy]
            #pragma warning restore BPG019
                public partial class Net { }
            }
            """;

        [Fact]
        public void Diagnostics_are_located_in_the_source_tree_so_pragmas_apply()
        {
            GeneratorOutput output = Run(SuppressedWarningSource);

            Diagnostic warning = Assert.Single(output.GeneratorDiagnostics);
            Assert.True(warning.Location.IsInSource, "a diagnostic outside the syntax tree cannot be suppressed by #pragma");
            Assert.Same(output.Compilation.SyntaxTrees.Single(t => t.FilePath == DefaultPath), warning.Location.SourceTree);
            AssertGeneratedAndCompiles(output);
        }

        // ---------------------------------------------------------------- added with BPG025–BPG028 and float ranges

        private const string PrimaryConstructorSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(3)]
                [Dense(2)]
                public partial class Net(string name) { public string Name => name; }
            }
            """;

        [Fact]
        public void BPG025_primary_constructors_are_refused()
        {
            GeneratorOutput output = Run(PrimaryConstructorSource);

            AssertDiagnostics(output, Error("BPG025",
                "The network class 'Net' has a primary constructor, but the generator writes its constructors Net() and Net(int seed); remove the parameter list",
                PrimaryConstructorSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string InheritedMemberSource = """
            using Backprop.Generated;
            namespace Demo
            {
                public abstract class Model { public virtual void Step() { } private int Forward => 0; }

                [Network(Precision.Single)]
                [Input(3)]
                [Dense(2)]
                [MeanSquaredError]
                [Sgd(LearningRate = 0.1)]
                public partial class Net : Model { }
            }
            """;

        [Fact]
        public void BPG026_inherited_members_must_not_take_a_generated_name()
        {
            GeneratorOutput output = Run(InheritedMemberSource);

            // The private Forward of the base class is not inherited, so only Step is reported.
            AssertDiagnostics(output, Error("BPG026",
                "'Net' inherits 'Step' from 'Demo.Model', and the generated 'Step' would hide it; rename it in 'Demo.Model', or do not derive from 'Demo.Model'",
                InheritedMemberSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string BaseConstructorSource = """
            using Backprop.Generated;
            namespace Demo
            {
                public abstract class Model { protected Model(string name) { } }

                [Network(Precision.Single)]
                [Input(3)]
                [Dense(2)]
                public partial class Net : Model { }
            }
            """;

        [Fact]
        public void BPG027_base_class_needs_a_parameterless_constructor()
        {
            GeneratorOutput output = Run(BaseConstructorSource);

            AssertDiagnostics(output, Error("BPG027",
                "The base class 'Demo.Model' of 'Net' has no accessible parameterless constructor, which the generated constructors call; add one to 'Demo.Model', or do not derive from it",
                BaseConstructorSource, NetworkAttr));
            // The class itself cannot compile (its implicit constructor has no base constructor to call): the point is
            // that the generator says why, and adds no code of its own.
            Assert.Empty(output.Sources);
        }

        [Fact]
        public void A_base_constructor_whose_parameters_are_all_optional_or_params_will_do()
        {
            const string source = "using Backprop.Generated;\nnamespace Demo {\npublic abstract class Model { protected Model(string name = \"m\", params int[] sizes) { Name = name; } public string Name { get; } }\n[Network] [Input(3)] [Dense(2)] public partial class Net : Model { }\n}\n";
            GeneratorOutput output = Run(source);
            Assert.Empty(output.GeneratorDiagnostics);
            AssertGeneratedAndCompiles(output);
        }

        [Fact]
        public void An_abstract_network_compiles_without_an_Inference()
        {
            // Inference holds an instance of the network, which an abstract class cannot give, so it has none (nor has a class
            // derived from it), and none of the packed copy's fields either: a 784→128 layer would be packed, and fields
            // nothing uses would be warnings, errors here.
            const string source = "using Backprop.Generated;\nnamespace Demo {\n[Network] [Input(784)] [Dense(128)] public abstract partial class Net { }\npublic sealed class Concrete : Net { }\n}\n";
            GeneratorOutput output = Run(source);
            Assert.Empty(output.GeneratorDiagnostics);
            AssertGeneratedAndCompiles(output);
            Assembly assembly = GeneratorHarness.CompileAndLoad(output);
            Assert.Null(assembly.GetType("Demo.Net+Inference"));
            Assert.NotNull(GeneratorHarness.CompileAndLoad(Run(source.Replace("abstract ", ""))).GetType("Demo.Net+Inference"));
        }

        [Fact]
        public void BPG027_an_internal_base_constructor_of_another_assembly_does_not_count()
        {
            // Model lives in another assembly: its internal parameterless constructor is out of the network's reach, and so
            // is its internal member Forward, which therefore does not conflict (no BPG028). The compiler does not import
            // another assembly's internals from metadata, so the generator does not see them either.
            MetadataReference library = CompileLibrary("namespace Lib { public abstract class Model { internal Model() { } internal void Forward() { } protected Model(int size) { } } }");
            const string source = "using Backprop.Generated;\nnamespace Demo {\n[Network(Precision.Single)] [Input(3)] [Dense(2)] public partial class Net : Lib.Model { }\n}\n";
            GeneratorOutput output = GeneratorHarness.Run(new[] { (DefaultPath, source) }, library);
            AssertDiagnostics(output, Error("BPG027",
                "The base class 'Lib.Model' of 'Net' has no accessible parameterless constructor, which the generated constructors call; add one to 'Lib.Model', or do not derive from it",
                source, NetworkAttr));
            Assert.Empty(output.Sources);
        }

        /// <summary>A library assembly "Lib" compiled in memory, for the compilation under test to reference.</summary>
        private static MetadataReference CompileLibrary(string source)
        {
            using var stream = new System.IO.MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = GeneratorHarness.CreateCompilation(new[] { ("Lib.cs", source) }, "Lib").Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        [Fact]
        public void A_base_class_with_a_parameterless_constructor_and_other_members_is_fine()
        {
            const string source = "using Backprop.Generated;\nnamespace Demo {\npublic abstract class Model { protected Model() { } public string Label => \"m\"; }\n[Network] [Input(3)] [Dense(2)] public partial class Net : Model { }\n}\n";
            GeneratorOutput output = Run(source);
            Assert.Empty(output.GeneratorDiagnostics);
            AssertGeneratedAndCompiles(output);
        }

        private const string FileLocalSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(3)]
                [Dense(2)]
                file partial class Net { }
            }
            """;

        [Fact]
        public void BPG028_network_class_must_not_be_file_local()
        {
            GeneratorOutput output = Run(FileLocalSource);

            AssertDiagnostics(output, Error("BPG028",
                "The network class 'Net' is declared 'file', but its generated half lives in another file; remove 'file'",
                FileLocalSource, NetworkAttr));
            AssertNothingGenerated(output);
        }

        private const string FloatOverflowSource = """
            using Backprop.Generated;
            namespace Demo
            {
                [Network(Precision.Single)]
                [Input(3)]
                [Dense(2)] [LeakyReLU(1e39)]
                [MeanSquaredError]
                public partial class Net { }
            }
            """;

        [Fact]
        public void BPG020_settings_must_fit_in_float_in_a_single_precision_network()
        {
            GeneratorOutput output = Run(FloatOverflowSource);

            AssertDiagnostics(output, Error("BPG020",
                "Slope of [LeakyReLU] is 1E+39, but it must be within float's range (±3.4E+38) in a single-precision network; change Slope",
                FloatOverflowSource, "LeakyReLU(1e39)"));
            AssertNothingGenerated(output);
        }

        [Fact]
        public void A_class_named_with_a_keyword_is_escaped()
        {
            const string source = "using Backprop.Generated;\nnamespace Demo {\n[Network] [Input(3)] [Dense(2)] [MeanSquaredError] [Sgd(LearningRate = 0.1)] public partial class @event { }\n}\n";
            GeneratorOutput output = Run(source);
            Assert.Empty(output.GeneratorDiagnostics);
            Assert.Contains("partial class @event", output.Sources.Values.Single());
            Assert.Contains("public @event(int seed)", output.Sources.Values.Single());
            GeneratorHarness.CompileAndLoad(output);
        }

        private static GeneratorOutput Run(string source) => GeneratorHarness.Run(source, DefaultPath);

        private static Expected Error(string id, string message, string source, string located, string path = DefaultPath)
            => Make(id, DiagnosticSeverity.Error, message, source, located, path);

        private static Expected Warning(string id, string message, string source, string located, string path = DefaultPath)
            => Make(id, DiagnosticSeverity.Warning, message, source, located, path);

        private static Expected Make(string id, DiagnosticSeverity severity, string message, string source, string located, string path)
            => new Expected(id, severity, message, path, Find(source, located), Span(source, located));

        /// <summary>The span of <paramref name="text"/> in <paramref name="source"/>, which must occur there exactly once.</summary>
        private static TextSpan Find(string source, string text)
        {
            int start = source.IndexOf(text, StringComparison.Ordinal);
            Assert.True(start >= 0, "'" + text + "' is not in the test source");
            Assert.True(source.IndexOf(text, start + 1, StringComparison.Ordinal) < 0, "'" + text + "' occurs more than once in the test source");
            return new TextSpan(start, text.Length);
        }

        /// <summary>The line/column span of <paramref name="text"/> in <paramref name="source"/>.</summary>
        private static LinePositionSpan Span(string source, string text) => SourceText.From(source).Lines.GetLinePositionSpan(Find(source, text));

        private static Expected Actual(Diagnostic d)
        {
            FileLinePositionSpan lines = d.Location.GetLineSpan();
            return new Expected(d.Id, d.Severity, d.GetMessage(CultureInfo.InvariantCulture), lines.Path ?? "", d.Location.SourceSpan, lines.Span);
        }

        /// <summary>The generator reported exactly <paramref name="expected"/>: IDs, severities, messages, files and spans.</summary>
        private static void AssertDiagnostics(GeneratorOutput output, params Expected[] expected)
        {
            static IEnumerable<string> Sorted(IEnumerable<Expected> items)
                => items.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal)
                    .ThenBy(e => e.Message, StringComparer.Ordinal).Select(e => e.ToString());

            Assert.Equal(Sorted(expected), Sorted(output.GeneratorDiagnostics.Select(Actual)));
            foreach (Expected e in expected)
            {
                // The same check spelled out, so that a failure names the part that differs.
                Diagnostic actual = Assert.Single(output.GeneratorDiagnostics, d => d.Id == e.Id && d.GetMessage(CultureInfo.InvariantCulture) == e.Message
                    && d.Location.SourceSpan == e.Span);
                Assert.Equal(e.Severity, actual.Severity);
                Assert.Same(Diagnostics.ById[e.Id], actual.Descriptor);
                FileLinePositionSpan lines = actual.Location.GetLineSpan();
                Assert.Equal(e.Path, lines.Path);
                Assert.Equal(e.Lines, lines.Span);
            }
        }

        /// <summary>For errors: no source, no generator crash, and the user's code compiles on its own.</summary>
        private static void AssertNothingGenerated(GeneratorOutput output)
        {
            Assert.Empty(output.Sources);
            Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Id == "CS8785" || d.Id == Diagnostics.InternalError.Id);
            Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        }

        /// <summary>For warnings: the class's source is generated, and it compiles and loads without errors or warnings.</summary>
        private static void AssertGeneratedAndCompiles(GeneratorOutput output)
        {
            Assert.Equal(new[] { "Demo.Net.g.cs" }, output.Sources.Keys);
            Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Id == "CS8785" || d.Id == Diagnostics.InternalError.Id);
            Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
            Assembly assembly = GeneratorHarness.CompileAndLoad(output);
            Assert.NotNull(assembly.GetType("Demo.Net"));
        }
    }
}
