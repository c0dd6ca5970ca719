using Backprop.Generated;

// Every network the homework needs, declared with attributes; Backprop.Generated writes Forward, Backward, the
// Jacobians and the sizes. Intermediate values of a hand-worked forward/backward pass are read from a prefix of the
// network (its Forward gives a hidden tensor) or from a suffix of it (its InputGradient gives the gradient of the
// loss with respect to that hidden tensor), because a network exposes only its input, output and parameters.
//
// A loss on given values (predictions or probabilities fed in as the input) is a single [Identity] layer followed
// by the loss. The generator ignores identity layers when it checks that the last layer suits the loss, so these
// networks compile without warning BPG019.
namespace Homework
{
    // ---- 000 (CS 615 Assignment 2), problem 1: the layers whose Jacobians are worked at H = [[1,2,3],[4,5,6]].

    [Network(Precision.Double)] [Input(3)] [Identity] public partial class IdentityLayer { }

    [Network(Precision.Double)] [Input(3)] [ReLU] public partial class ReluLayer { }

    [Network(Precision.Double)] [Input(3)] [Sigmoid] public partial class SigmoidLayer { }

    [Network(Precision.Double)] [Input(3)] [Tanh] public partial class TanhLayer { }

    [Network(Precision.Double)] [Input(3)] [Softmax] public partial class SoftmaxLayer { }

    // ---- 000 problem 2: a fully connected layer 3 → 2.

    [Network(Precision.Double)] [Input(3)] [Dense(2)] public partial class DenseLayer { }

    // ---- 000 problems 3–6: losses on given predictions ŷ (the input) against targets.

    [Network(Precision.Double)] [Input(1)] [Identity] [MeanSquaredError] public partial class SquaredErrorOnValues { }

    [Network(Precision.Double)] [Input(1)] [Identity] [BinaryCrossEntropy] public partial class LogLossOnValues { }

    [Network(Precision.Double)] [Input(3)] [Identity] [CrossEntropy] public partial class CrossEntropyOnProbabilities3 { }

    // ---- 001 (HW1, Zhao): the 2-layer ReLU regression net and the sigmoid classification net, with the shapes and
    //      learning rates of the oracle cases seed_mlp_regression and seed_mlp_classification.

    [Network(Precision.Double)]
    [Input(5)]
    [Dense(7)] [ReLU]
    [Dense(3)]
    [MeanSquaredError]
    [Sgd(LearningRate = 0.1)]
    public partial class RegressionNet { }

    [Network(Precision.Double)]
    [Input(5)]
    [Dense(7)] [Sigmoid]
    [Dense(3)] [Sigmoid]
    [BinaryCrossEntropy]
    [Sgd(LearningRate = 0.5)]
    public partial class ClassificationNet { }

    // The per-sample losses of 001, on given outputs ŷ: ‖ŷ − y‖² and the mean over k outputs of the log-loss.
    [Network(Precision.Double)] [Input(3)] [Identity] [SumSquaredError] public partial class SumSquaredErrorOnValues3 { }

    [Network(Precision.Double)] [Input(3)] [Identity] [BinaryCrossEntropy] public partial class LogLossOnValues3 { }

    // ---- 002 (Grguric): input 2 → 3 sigmoid → 2 softmax, cross-entropy, gradient descent with learning rate 0.9.

    [Network(Precision.Double)]
    [Input(2)]
    [Dense(3)] [Sigmoid]
    [Dense(2)] [Softmax]
    [CrossEntropy]
    [Sgd(LearningRate = 0.9)]
    public partial class SoftmaxClassifier { }

    // Prefixes of SoftmaxClassifier: the hidden pre-activation k, the hidden output h and the logits o.
    [Network(Precision.Double)] [Input(2)] [Dense(3)] public partial class SoftmaxClassifierPreActivation { }

    [Network(Precision.Double)] [Input(2)] [Dense(3)] [Sigmoid] public partial class SoftmaxClassifierHidden { }

    [Network(Precision.Double)] [Input(2)] [Dense(3)] [Sigmoid] [Dense(2)] public partial class SoftmaxClassifierLogits { }

    // Suffixes of SoftmaxClassifier: their input gradients are ∂l/∂p (dyi), ∂l/∂o (doi), ∂l/∂h (dhi) and ∂l/∂k (dki).
    [Network(Precision.Double)] [Input(2)] [Identity] [CrossEntropy] public partial class CrossEntropyOnProbabilities2 { }

    [Network(Precision.Double)] [Input(2)] [Softmax] [CrossEntropy] public partial class SoftmaxCrossEntropyFromLogits2 { }

    [Network(Precision.Double)] [Input(3)] [Dense(2)] [Softmax] [CrossEntropy] public partial class SoftmaxClassifierFromHidden { }

    [Network(Precision.Double)] [Input(3)] [Sigmoid] [Dense(2)] [Softmax] [CrossEntropy] public partial class SoftmaxClassifierFromPreActivation { }

    // ---- 003 (Dodson), problem 1: y = w0 + w1·x1 + w2·x2 + w3·x1² is a dense layer on the features (x1, x2, x1²),
    //      with W = (w1, w2, w3) and b = w0. No loss: the gradient of y itself is asked for.

    [Network(Precision.Double)] [Input(3)] [Dense(1)] [Sgd(LearningRate = 0.1)] public partial class PolynomialModel { }

    // ---- 003 problem 2: the partially connected 4-2-1 sigmoid net, no biases, Div = (ŷ − y)².

    [Network(Precision.Double)]
    [Input(4)]
    [Dense(2, Bias = false, Mask = "xx.. ..xx")] [Sigmoid]   // h1 reads x1, x2; h2 reads x3, x4
    [Dense(1, Bias = false)] [Sigmoid]
    [SumSquaredError]
    public partial class SparseSigmoidNet { }

    // Prefixes of SparseSigmoidNet (s1, s2; h1, h2; s3) and suffixes (∂Div/∂ŷ, ∂Div/∂s3, ∂Div/∂h, ∂Div/∂s).
    [Network(Precision.Double)] [Input(4)] [Dense(2, Bias = false, Mask = "xx.. ..xx")] public partial class SparseFirstLayer { }

    [Network(Precision.Double)] [Input(4)] [Dense(2, Bias = false, Mask = "xx.. ..xx")] [Sigmoid] public partial class SparseHidden { }

    [Network(Precision.Double)]
    [Input(4)]
    [Dense(2, Bias = false, Mask = "xx.. ..xx")] [Sigmoid]
    [Dense(1, Bias = false)]
    public partial class SparseOutputPreActivation { }

    [Network(Precision.Double)] [Input(1)] [Identity] [SumSquaredError] public partial class SquaredErrorOnOutput { }

    [Network(Precision.Double)] [Input(1)] [Sigmoid] [SumSquaredError] public partial class SparseFromOutputPreActivation { }

    [Network(Precision.Double)] [Input(2)] [Dense(1, Bias = false)] [Sigmoid] [SumSquaredError] public partial class SparseFromHidden { }

    [Network(Precision.Double)]
    [Input(2)]
    [Sigmoid]
    [Dense(1, Bias = false)] [Sigmoid]
    [SumSquaredError]
    public partial class SparseFromFirstLayer { }

    // ---- 004 (Homework 4, Singkhorn), T1: the scalar residual block z = ReLU(w1·ReLU(w0·x0 + b0) + b1 + x0).

    [Network(Precision.Double)]
    [Input(1)]
    [Dense(1)] [ReLU]
    [Dense(1)]
    [Add("input")] [ReLU]   // the skip connection reads the network input x0
    public partial class ResidualBlock { }

    // Prefixes of ResidualBlock: x1 and y1.
    [Network(Precision.Double)] [Input(1)] [Dense(1)] [ReLU] public partial class ResidualFirstBranch { }

    [Network(Precision.Double)] [Input(1)] [Dense(1)] [ReLU] [Dense(1)] public partial class ResidualBranch { }

    // ---- 004 T2 and T3: 30 → 1024 → 512 → 1. Only its compile-time sizes are used; it is never run.

    [Network(Precision.Single)]
    [Input(30)]
    [Dense(1024)] [ReLU]   // output A
    [Dense(512)] [ReLU]    // output B
    [Dense(1)]             // output C
    public partial class WideNet { }

    // ---- 004, the softmax–cross-entropy gradient P − y: logits fed in as the input, two ways.

    [Network(Precision.Double)] [Input(4)] [Identity] [SoftmaxCrossEntropy] public partial class SoftmaxCrossEntropyOnLogits4 { }

    [Network(Precision.Double)] [Input(4)] [Softmax] [CrossEntropy] public partial class SoftmaxThenCrossEntropy4 { }
}
