namespace Backprop.Generated.Generator
{
    /// <summary>What a layer does. Values match the runtime attributes of the same names.</summary>
    internal enum LayerKind
    {
        Dense,
        ReLU,
        LeakyReLU,
        ELU,
        Sigmoid,
        Tanh,
        Identity,
        Softmax,
        GELU,
        Softplus,
        SiLU,
        Add,
        Concat,
    }

    /// <summary>The loss a network is trained on.</summary>
    internal enum LossKind
    {
        None,
        MeanSquaredError,
        SumSquaredError,
        BinaryCrossEntropy,
        CrossEntropy,
        SoftmaxCrossEntropy,
    }

    /// <summary>The update rule of Step.</summary>
    internal enum OptimizerKind
    {
        None,
        Sgd,
        Adam,
        AdamW,
        RmsProp,
    }

    /// <summary>
    /// One layer as declared. <see cref="Units"/> and <see cref="Bias"/> belong to dense layers, <see cref="Parameter"/>
    /// is the slope of LeakyReLU or the alpha of ELU, <see cref="From"/> the tensor a merge reads, and <see cref="Mask"/>
    /// the connectivity rows of a dense layer ('1' or '0', rows joined by '|').
    /// </summary>
    /// <remarks><see cref="Initializer"/> is the value of the runtime's Initializer enum, resolved from the layer or the network;
    /// <see cref="Scalar"/> is true when the layer must be written as scalar code (Kernel.Scalar on it or on the network).</remarks>
    internal sealed record LayerSpec(LayerKind Kind, int Units, bool Bias, double Parameter, string? Name, string? From, string? Mask, int Initializer = 0, bool Scalar = false);

    /// <summary>The optimizer and every setting it reads; settings that do not apply are 0 or false.</summary>
    internal sealed record OptimizerSpec(
        OptimizerKind Kind,
        double LearningRate,
        double WeightDecay,
        double Momentum,
        double Dampening,
        bool Nesterov,
        double Beta1,
        double Beta2,
        double Epsilon,
        double Alpha,
        bool Centered);

    /// <summary>
    /// A parsed network declaration: plain values only (no symbols, syntax or locations), so that it compares by value.
    /// </summary>
    /// <remarks><see cref="IsAbstract"/>: the class cannot be instantiated, so it gets no Inference (which holds an instance).</remarks>
    internal sealed record NetworkSpec(
        string? Namespace,
        string ClassName,
        string HintName,
        bool IsDouble,
        int InputSize,
        string InputName,
        EquatableArray<LayerSpec> Layers,
        LossKind Loss,
        OptimizerSpec? Optimizer,
        double ClipGradNorm,
        bool IsAbstract = false);

    /// <summary>The result of parsing one attributed class: a spec when it is valid, and every diagnostic found.</summary>
    internal sealed record ParseResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
}
