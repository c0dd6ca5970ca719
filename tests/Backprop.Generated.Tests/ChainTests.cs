using System.Linq;
using Backprop.Generated.Tests.Infrastructure;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>
    /// Which networks run their one-sample forward as a chain of registers (RunForwardChain): single precision, 4 or 8
    /// inputs, each layer reading only the one before it, dense layers of 4 inputs (an even number of rows) or 8 inputs and
    /// at most 8 rows, activations with a vector form. That the chain computes what the scalar path does is
    /// WidthAgreement's check (WideSingleG to WideSingleK, WideSingleM).
    /// </summary>
    public sealed class ChainTests
    {
        [Theory]
        [InlineData("Single", "[Input(4)] [Dense(8)] [ReLU] [Dense(3)]", true)]
        [InlineData("Single", "[Input(8)] [Dense(4)] [Tanh] [Dense(8, Bias = false)] [Sigmoid] [Dense(2)]", true)]
        [InlineData("Single", "[Input(4)] [Tanh] [Dense(4)] [ReLU] [Dense(8)]", true)]
        [InlineData("Single", "[Input(8)] [Dense(1)]", true)]
        [InlineData("Single", "[Input(8)] [Dense(8)] [Sigmoid] [Dense(4, Bias = false)]", true)]
        [InlineData("Single", "[Input(8)] [Dense(6)] [Identity]", true)]
        [InlineData("Single", "[Input(4)] [Dense(7)] [ReLU] [Dense(3)]", false)]                          // 4 inputs, an odd number of rows
        [InlineData("Single", "[Input(8)] [Dense(16)] [Dense(3)]", false)]                                 // a tensor of 16
        [InlineData("Single", "[Input(5)] [Dense(8)] [Dense(2)]", false)]                                  // 5 inputs
        [InlineData("Single", "[Input(8)] [Dense(6)] [Dense(2)]", false)]                                  // a dense layer of 6 inputs
        [InlineData("Single", "[Input(4, Name = \"x\")] [Dense(4)] [Add(\"x\")] [Dense(2)]", false)]    // a merge
        [InlineData("Single", "[Input(4)] [Dense(8, Kernel = Kernel.Scalar)] [Dense(2)]", false)]         // a scalar layer
        [InlineData("Single", "[Input(8)] [Dense(4)] [GELU] [Dense(2)]", false)]                           // no vector form
        [InlineData("Double", "[Input(4)] [Dense(8)] [ReLU] [Dense(2)]", false)]
        public void The_forward_runs_as_a_chain_of_registers_only_where_every_layer_fits_one(string precision, string layers, bool chain)
            => Chains(precision, layers, chain, "RunForwardChain(");

        /// <summary>
        /// The 512-bit chain: single precision, every tensor but the output whole 512-bit vectors of at most 64 values, the
        /// last dense layer either so or of at most 4 rows, activations with a 512-bit form.
        /// </summary>
        [Theory]
        [InlineData("[Input(16)] [Dense(32)] [Tanh] [Dense(32)] [Tanh] [Dense(4)]", true)]
        [InlineData("[Input(32)] [Dense(16)] [ReLU] [Dense(3)]", true)]
        [InlineData("[Input(16)] [Dense(16)] [LeakyReLU(0.1)]", true)]
        [InlineData("[Input(64)] [Dense(64)] [Tanh] [Dense(64)] [Tanh] [Dense(10)]", false)]   // a last layer of 10 rows
        [InlineData("[Input(80)] [Dense(16)] [Dense(4)]", false)]                             // 80 inputs: over 4 vectors
        [InlineData("[Input(16)] [Dense(24)] [Dense(4)]", false)]                             // 24: not whole vectors
        [InlineData("[Input(16)] [Dense(4)] [ReLU]", false)]                                   // the 4 rows are not the last layer
        [InlineData("[Input(16)] [Dense(16)] [GELU] [Dense(4)]", false)]                       // no 512-bit form
        public void The_forward_runs_as_a_chain_of_512_bit_registers_only_where_every_tensor_is_whole_vectors(string layers, bool chain)
            => Chains("Single", layers, chain, "RunForwardChainWide(");

        private static void Chains(string precision, string layers, bool chain, string method)
        {
            GeneratorOutput output = GeneratorHarness.Run("using Backprop.Generated;\nnamespace K { [Network(Precision." + precision + ")] " + layers + " [MeanSquaredError] [Sgd] public partial class M { } }");
            Assert.Empty(output.GeneratorDiagnostics);
            Assert.Equal(chain, output.Sources.Values.Single().Contains("private void " + method, System.StringComparison.Ordinal));
        }
    }
}
