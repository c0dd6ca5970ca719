namespace Backprop.Generated.Benchmarks
{
    // The four measured networks, float32, mean squared error, plain SGD with learning rate 0.01.
    // The baselines read their shapes from each class's Architecture string, so this file is the only place the
    // networks are declared.

    /// <summary>N1: 4 → 8 → 3, ReLU between (a tiny, call-overhead-dominated network).</summary>
    [Network(Precision.Single)]
    [Input(4)]
    [Dense(8)] [ReLU]
    [Dense(3)]
    [MeanSquaredError]
    [Sgd(LearningRate = 0.01)]
    public partial class N1 { }

    /// <summary>N2: 16 → 32 → 32 → 4, Tanh between.</summary>
    [Network(Precision.Single)]
    [Input(16)]
    [Dense(32)] [Tanh]
    [Dense(32)] [Tanh]
    [Dense(4)]
    [MeanSquaredError]
    [Sgd(LearningRate = 0.01)]
    public partial class N2 { }

    /// <summary>N3: 64 → 64 → 64 → 10, Tanh between.</summary>
    [Network(Precision.Single)]
    [Input(64)]
    [Dense(64)] [Tanh]
    [Dense(64)] [Tanh]
    [Dense(10)]
    [MeanSquaredError]
    [Sgd(LearningRate = 0.01)]
    public partial class N3 { }

    /// <summary>N4: 784 → 128 → 10, ReLU between (an MNIST-sized multilayer perceptron).</summary>
    [Network(Precision.Single)]
    [Input(784)]
    [Dense(128)] [ReLU]
    [Dense(10)]
    [MeanSquaredError]
    [Sgd(LearningRate = 0.01)]
    public partial class N4 { }
}
