using System;

namespace Backprop.Generated
{
    /// <summary>Base of the loss attributes. A network has at most one loss, after its last layer.</summary>
    public abstract class LossAttribute : Attribute { }

    /// <summary>Mean squared error: (1/(N·K)) Σ (ŷ − y)² over N samples of K outputs.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class MeanSquaredErrorAttribute : LossAttribute { }

    /// <summary>Sum of squared errors: Σ (ŷ − y)² over every sample and output, with no mean and no ½.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SumSquaredErrorAttribute : LossAttribute { }

    /// <summary>
    /// Binary cross-entropy on probabilities: (1/(N·K)) Σ −(y·log p + (1−y)·log(1−p)), each log clamped at −100
    /// as PyTorch. The outputs must lie in (0, 1): end the network with <see cref="SigmoidAttribute"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class BinaryCrossEntropyAttribute : LossAttribute { }

    /// <summary>
    /// Cross-entropy on probabilities: (1/N) Σ −Σₖ yₖ·log pₖ. The outputs must be probabilities:
    /// end the network with <see cref="SoftmaxAttribute"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class CrossEntropyAttribute : LossAttribute { }

    /// <summary>
    /// Cross-entropy on logits: (1/N) Σ −Σₖ yₖ·log_softmax(z)ₖ, as <c>torch.nn.functional.cross_entropy</c>
    /// with one-hot or probability targets. The network's outputs are the logits z; do not end it with a softmax.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SoftmaxCrossEntropyAttribute : LossAttribute { }
}
