using Backprop.Generated;

// Networks compiled by the generator running as an analyzer on this test project, as in a user's build.
namespace Backprop.Generated.Tests.Networks
{
    [Network(Precision.Single)]
    [Input(4)]
    [Dense(16)] [ReLU]
    [Dense(3)]
    [SoftmaxCrossEntropy]
    [Sgd(LearningRate = 0.1, Momentum = 0.9, Nesterov = true, WeightDecay = 1e-4)]
    public partial class IrisNet { }

    [Network(Precision.Double)]
    [Input(5)]
    [Dense(8)] [Tanh]
    [Dense(8)] [GELU]
    [Dense(2)] [Sigmoid]
    [BinaryCrossEntropy]
    [Adam(LearningRate = 0.01, WeightDecay = 0.01)]
    [ClipGradNorm(1.0)]
    public partial class AdamNet { }

    [Network(Precision.Single)]
    [Input(4)]
    [Dense(3, Mask = "xx.. .xx. ...x", Name = "h")] [Sigmoid]
    [Dense(3)] [SiLU] [Add("h")]
    [Concat("input")]
    [Dense(2)] [Softmax]
    [CrossEntropy]
    [RmsProp(LearningRate = 0.01, Centered = true, Momentum = 0.5)]
    public partial class GraphNet { }

    [Network(Precision.Single)]
    [Input(3)]
    [Dense(4)] [ELU] [Dense(2)]
    [MeanSquaredError]
    [AdamW(LearningRate = 0.01)]
    public partial class AdamWNet { }

    [Network(Precision.Double)]
    [Input(2, Name = "x0")]
    [Dense(2)] [ReLU] [Dense(2)] [Add("x0")] [ReLU]
    public partial class ResidualNoLoss { }

    // An activation reads the network input: training skips its backward pass (it would only produce the input's gradient).
    [Network(Precision.Double)]
    [Input(6)]
    [Sigmoid]
    [Dense(9)] [Tanh]
    [Dense(2)]
    [MeanSquaredError]
    [Sgd(LearningRate = 0.1, Momentum = 0.9)]
    public partial class InputActivationNet { }
}

// Tiled batch kernels with every shape of remainder (37 inputs: 4 vectors and 5 more; 19 units: 4 blocks of 4, a pair
// and one row). BatchAgreement runs them in this process and in one with AVX-512 turned off, where the tile forward
// takes its 16-register path.
namespace Backprop.Generated.Tests.Networks
{
    [Network(Precision.Single)]
    [Input(37)]
    [Dense(64)] [Tanh]
    [Dense(19)] [ReLU]
    [Dense(3)]
    [SoftmaxCrossEntropy]
    [Sgd(LearningRate = 0.05, Momentum = 0.9)]
    public partial class TiledSingle { }

    [Network(Precision.Double)]
    [Input(37)]
    [Dense(64)] [Tanh]
    [Dense(19)] [ReLU]
    [Dense(3)]
    [MeanSquaredError]
    [Adam(LearningRate = 0.01)]
    public partial class TiledDouble { }
}

// The 512-bit kernels against the 256-bit and scalar ones (WidthAgreement). A dense layer gets the Vector512 path when
// it reads a whole number of 512-bit vectors (16 floats, 8 doubles) that were stored 512 bits at a time (WrittenWide),
// and an activation when its input was. Float layers here cover each remainder of the one-sample forward (48: three
// blocks of 16 rows; 24 and 30: a block of 16 and one of 8, then 0 or 6 rows by a tree; 20: 16 rows and 4 by SumFour;
// 9: 8 rows and one; 7: a tree of the last rows), of the tile (blocks of 4 rows, a pair, one row), and activations that
// run 16 lanes, then 8, then one at a time (ReLU 24, LeakyReLU and Identity 30, Sigmoid 20); double ones (D networks)
// blocks of 8 rows, 4 rows, one row and a 3-row tree, and a ReLU 8, 4 and 1 at a time. Layers that must stay at 256
// bits are there too (fan-in 9, 13, 20; or 32 stored by a double tanh). The scalar twins compute the same from the same
// seed.
namespace Backprop.Generated.Tests.Networks
{
    [Network(Precision.Single)]
    [Input(32)] [Dense(48)] [Tanh] [Dense(16)] [ReLU] [Dense(9)] [Sigmoid] [Dense(3)]
    [SoftmaxCrossEntropy] [Adam(LearningRate = 0.01)]
    public partial class WideSingleA { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(32)] [Dense(48)] [Tanh] [Dense(16)] [ReLU] [Dense(9)] [Sigmoid] [Dense(3)]
    [SoftmaxCrossEntropy] [Adam(LearningRate = 0.01)]
    public partial class ScalarSingleA { }

    [Network(Precision.Single)]
    [Input(16)] [Dense(24, Bias = false)] [ReLU] [Dense(32)] [Tanh] [Dense(7)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1, Momentum = 0.9)]
    public partial class WideSingleB { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(16)] [Dense(24, Bias = false)] [ReLU] [Dense(32)] [Tanh] [Dense(7)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1, Momentum = 0.9)]
    public partial class ScalarSingleB { }

    [Network(Precision.Double)]
    [Input(32)] [Dense(48)] [Tanh] [Dense(16)] [ReLU] [Dense(9)] [Sigmoid] [Dense(3)]
    [SoftmaxCrossEntropy] [Adam(LearningRate = 0.01)]
    public partial class WideDoubleA { }

    [Network(Precision.Double, Kernel = Kernel.Scalar)]
    [Input(32)] [Dense(48)] [Tanh] [Dense(16)] [ReLU] [Dense(9)] [Sigmoid] [Dense(3)]
    [SoftmaxCrossEntropy] [Adam(LearningRate = 0.01)]
    public partial class ScalarDoubleA { }

    [Network(Precision.Double)]
    [Input(16)] [Dense(24, Bias = false)] [ReLU] [Dense(32)] [Tanh] [Dense(7)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1, Momentum = 0.9)]
    public partial class WideDoubleB { }

    [Network(Precision.Double, Kernel = Kernel.Scalar)]
    [Input(16)] [Dense(24, Bias = false)] [ReLU] [Dense(32)] [Tanh] [Dense(7)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1, Momentum = 0.9)]
    public partial class ScalarDoubleB { }
}

namespace Backprop.Generated.Tests.Networks
{
    [Network(Precision.Single)]
    [Input(48)] [Dense(7)] [Tanh] [Dense(4)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1)]
    public partial class WideSingleC { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(48)] [Dense(7)] [Tanh] [Dense(4)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1)]
    public partial class ScalarSingleC { }
}

namespace Backprop.Generated.Tests.Networks
{
    [Network(Precision.Single)]
    [Input(16)] [Dense(20)] [Sigmoid] [Dense(4)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1)]
    public partial class WideSingleD { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(16)] [Dense(20)] [Sigmoid] [Dense(4)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1)]
    public partial class ScalarSingleD { }

    [Network(Precision.Single)]
    [Input(32)] [Dense(30)] [LeakyReLU(0.1)] [Identity] [Dense(3)]
    [MeanSquaredError] [Adam(LearningRate = 0.01)]
    public partial class WideSingleE { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(32)] [Dense(30)] [LeakyReLU(0.1)] [Identity] [Dense(3)]
    [MeanSquaredError] [Adam(LearningRate = 0.01)]
    public partial class ScalarSingleE { }

    // The network input read twice, by the first layer and by the residual Add: ForwardBatch's tiles from Wᵀ copy the
    // inputs into the values buffer (16 → 16 and 16 → 80, both transposed; 80 outputs = a block of four vectors and one).
    [Network(Precision.Single)]
    [Input(16, Name = "x0")] [Dense(16)] [Tanh] [Add("x0")] [Dense(80)] [ReLU] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleF { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(16, Name = "x0")] [Dense(16)] [Tanh] [Add("x0")] [Dense(80)] [ReLU] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleF { }

    // Tiny networks whose one-sample forward runs as a chain of registers (RunForwardChain): 4 inputs, two rows of W to a
    // vector (8 and 6 rows); 8 inputs, one row to a vector (4 rows, 8, 2); a bias loaded whole, built from its elements, or
    // absent; outputs stored whole (4, 8) or lane by lane (6, 2).
    [Network(Precision.Single)]
    [Input(4)] [Dense(8)] [ReLU] [Dense(4)] [Tanh] [Dense(6)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleG { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(4)] [Dense(8)] [ReLU] [Dense(4)] [Tanh] [Dense(6)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleG { }

    [Network(Precision.Single)]
    [Input(8)] [Dense(4)] [Tanh] [Dense(8, Bias = false)] [Sigmoid] [Dense(8)] [LeakyReLU(0.1)] [Dense(2)] [Identity]
    [MeanSquaredError] [Adam(LearningRate = 0.01)]
    public partial class WideSingleH { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(8)] [Dense(4)] [Tanh] [Dense(8, Bias = false)] [Sigmoid] [Dense(8)] [LeakyReLU(0.1)] [Dense(2)] [Identity]
    [MeanSquaredError] [Adam(LearningRate = 0.01)]
    public partial class ScalarSingleH { }

    // More chains: an activation on the 4-wide input, 4 inputs and 4 rows, an output of 8 stored as one vector (I); 8
    // inputs and 8 rows, then 4 rows without a bias, an output of 4 as one 128-bit vector (J); 6 rows, the tree padded,
    // stored lane by lane (K); one row (M).
    [Network(Precision.Single)]
    [Input(4)] [Tanh] [Dense(4)] [ReLU] [Dense(8)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleI { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(4)] [Tanh] [Dense(4)] [ReLU] [Dense(8)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleI { }

    [Network(Precision.Single)]
    [Input(8)] [Dense(8)] [Sigmoid] [Dense(4, Bias = false)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleJ { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(8)] [Dense(8)] [Sigmoid] [Dense(4, Bias = false)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleJ { }

    [Network(Precision.Single)]
    [Input(8)] [Dense(6)] [Identity]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleK { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(8)] [Dense(6)] [Identity]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleK { }

    [Network(Precision.Single)]
    [Input(8)] [Dense(1)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleM { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(8)] [Dense(1)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleM { }

    // Chains of 512-bit registers (RunForwardChainWide): blocks of 16 rows with and without a bias, a last layer of 3
    // rows stored lane by lane (N) or of 4 stored whole (O), an output of whole vectors from its registers (P).
    [Network(Precision.Single)]
    [Input(16)] [Dense(32)] [Tanh] [Dense(32, Bias = false)] [Sigmoid] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleN { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(16)] [Dense(32)] [Tanh] [Dense(32, Bias = false)] [Sigmoid] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleN { }

    [Network(Precision.Single)]
    [Input(32)] [Dense(16)] [ReLU] [Dense(4)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleO { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(32)] [Dense(16)] [ReLU] [Dense(4)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleO { }

    [Network(Precision.Single)]
    [Input(16)] [Dense(16)] [LeakyReLU(0.1)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleP { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(16)] [Dense(16)] [LeakyReLU(0.1)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleP { }

    // ForwardBatch from Wᵀ without a bias, two blocks of four vectors of outputs (128), reading the inputs in place.
    [Network(Precision.Single)]
    [Input(16)] [Dense(128, Bias = false)] [ReLU] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleL { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(16)] [Dense(128, Bias = false)] [ReLU] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleL { }

    [Network(Precision.Double)]
    [Input(16)] [Dense(24)] [ReLU] [Dense(13)] [ReLU] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05, Momentum = 0.9)]
    public partial class WideDoubleC { }

    [Network(Precision.Double, Kernel = Kernel.Scalar)]
    [Input(16)] [Dense(24)] [ReLU] [Dense(13)] [ReLU] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05, Momentum = 0.9)]
    public partial class ScalarDoubleC { }

    [Network(Precision.Double)]
    [Input(8)] [Dense(7)] [Tanh] [Dense(2)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1)]
    public partial class WideDoubleD { }

    [Network(Precision.Double, Kernel = Kernel.Scalar)]
    [Input(8)] [Dense(7)] [Tanh] [Dense(2)]
    [MeanSquaredError] [Sgd(LearningRate = 0.1)]
    public partial class ScalarDoubleD { }

    // TrainBatch's paired first-layer gradient over three 512-bit vectors of doubles: a pass of two, then the odd one.
    [Network(Precision.Double)]
    [Input(24)] [Dense(5)] [ReLU] [Dense(2)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideDoubleE { }

    [Network(Precision.Double, Kernel = Kernel.Scalar)]
    [Input(24)] [Dense(5)] [ReLU] [Dense(2)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarDoubleE { }

    // Inference's input-major layers (W over 32 KB). Q: 784→128, one block of eight 512-bit vectors (two of eight 256-bit
    // ones), reading the caller's input. R: 104 outputs are not whole 512-bit vectors, so 256 bits only: a block of eight
    // and five more in two sets of accumulators, over 101 inputs (an odd one after the loop); then 96 outputs without a
    // bias from the values buffer (six 512-bit vectors in two sets). S: the input is read again by Add, so it is copied
    // first; 37 vectors of 256 bits: four blocks of eight in a loop, then five.
    [Network(Precision.Single)]
    [Input(784)] [Dense(128)] [ReLU] [Dense(10)]
    [MeanSquaredError] [Sgd(LearningRate = 0.01)]
    public partial class WideSingleQ { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(784)] [Dense(128)] [ReLU] [Dense(10)]
    [MeanSquaredError] [Sgd(LearningRate = 0.01)]
    public partial class ScalarSingleQ { }

    [Network(Precision.Single)]
    [Input(101)] [Dense(104)] [Tanh] [Dense(96, Bias = false)] [Sigmoid] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideSingleR { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(101)] [Dense(104)] [Tanh] [Dense(96, Bias = false)] [Sigmoid] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarSingleR { }

    [Network(Precision.Single)]
    [Input(296, Name = "x0")] [Dense(296)] [Add("x0")] [Tanh] [Dense(4)]
    [MeanSquaredError] [Sgd(LearningRate = 0.01)]
    public partial class WideSingleS { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(296, Name = "x0")] [Dense(296)] [Add("x0")] [Tanh] [Dense(4)]
    [MeanSquaredError] [Sgd(LearningRate = 0.01)]
    public partial class ScalarSingleS { }

    // T: 272 outputs, 17 512-bit vectors: a loop over two blocks of eight, then one vector in eight sets of 12 inputs and
    // four left over; at 256 bits four blocks and two vectors in four sets.
    [Network(Precision.Single)]
    [Input(100)] [Dense(272)] [ReLU] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.01)]
    public partial class WideSingleT { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(100)] [Dense(272)] [ReLU] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.01)]
    public partial class ScalarSingleT { }

    // U: 784→100, the classic MNIST layer: 96 outputs packed (six 512-bit vectors, or a block of eight 256-bit ones and
    // four), the last 4 rows from the row-major W. Double G: 67→70, 68 outputs packed at 256 bits only (17 vectors: two
    // blocks and one in eight sets, three inputs left over), 2 rows from W with 3 inputs after the vectors.
    [Network(Precision.Single)]
    [Input(784)] [Dense(100)] [ReLU] [Dense(10)]
    [MeanSquaredError] [Sgd(LearningRate = 0.01)]
    public partial class WideSingleU { }

    [Network(Precision.Single, Kernel = Kernel.Scalar)]
    [Input(784)] [Dense(100)] [ReLU] [Dense(10)]
    [MeanSquaredError] [Sgd(LearningRate = 0.01)]
    public partial class ScalarSingleU { }

    [Network(Precision.Double)]
    [Input(67)] [Dense(70)] [Tanh] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideDoubleG { }

    [Network(Precision.Double, Kernel = Kernel.Scalar)]
    [Input(67)] [Dense(70)] [Tanh] [Dense(3)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarDoubleG { }

    // Double: 70 inputs × 64 outputs (35 KB), one block of eight 512-bit vectors, two of eight 256-bit ones.
    [Network(Precision.Double)]
    [Input(70)] [Dense(64)] [ReLU] [Dense(5)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class WideDoubleF { }

    [Network(Precision.Double, Kernel = Kernel.Scalar)]
    [Input(70)] [Dense(64)] [ReLU] [Dense(5)]
    [MeanSquaredError] [Sgd(LearningRate = 0.05)]
    public partial class ScalarDoubleF { }
}
