using System;

namespace Backprop.Generated
{
    /// <summary>Base of the optimizer attributes. A network has at most one optimizer; with one, Step is generated.</summary>
    public abstract class OptimizerAttribute : Attribute
    {
        /// <summary>The learning rate η. It can be changed at run time through the generated <c>LearningRate</c> property.</summary>
        public double LearningRate { get; set; }

        /// <summary>Coupled L2 weight decay λ: g ← g + λ·θ before the update (decoupled in <see cref="AdamWAttribute"/>).</summary>
        public double WeightDecay { get; set; }

        private protected OptimizerAttribute(double learningRate) => LearningRate = learningRate;
    }

    /// <summary>
    /// Stochastic gradient descent exactly as <c>torch.optim.SGD</c>: optional momentum μ (v ← μ·v + (1−d)·g, v ← g on
    /// the first step), dampening d, Nesterov (θ ← θ − η·(g + μ·v)) and coupled weight decay.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SgdAttribute : OptimizerAttribute
    {
        /// <summary>Declares SGD with learning rate 0.01; set <see cref="OptimizerAttribute.LearningRate"/> to change it.</summary>
        public SgdAttribute() : base(0.01) { }

        /// <summary>The momentum factor μ. Default 0 (none).</summary>
        public double Momentum { get; set; }

        /// <summary>The dampening d of the momentum buffer. Default 0.</summary>
        public double Dampening { get; set; }

        /// <summary>Whether to use Nesterov momentum. Needs <see cref="Momentum"/> &gt; 0 and no dampening.</summary>
        public bool Nesterov { get; set; }
    }

    /// <summary>
    /// Adam exactly as <c>torch.optim.Adam</c> (no AMSGrad): m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
    /// θ ← θ − η·m̂/(√v̂ + ε). <see cref="OptimizerAttribute.WeightDecay"/> is coupled L2, added to g first.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AdamAttribute : OptimizerAttribute
    {
        /// <summary>Declares Adam with PyTorch's defaults: η = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8.</summary>
        public AdamAttribute() : base(0.001) { }

        /// <summary>The decay of the first moment. Default 0.9.</summary>
        public double Beta1 { get; set; } = 0.9;

        /// <summary>The decay of the second moment. Default 0.999.</summary>
        public double Beta2 { get; set; } = 0.999;

        /// <summary>Added to √v̂ (after the square root). Default 1e-8.</summary>
        public double Epsilon { get; set; } = 1e-8;
    }

    /// <summary>
    /// AdamW exactly as <c>torch.optim.AdamW</c>: θ ← θ·(1 − η·λ), then the Adam update with the raw gradient.
    /// <see cref="OptimizerAttribute.WeightDecay"/> defaults to PyTorch's 0.01.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AdamWAttribute : OptimizerAttribute
    {
        /// <summary>Declares AdamW with PyTorch's defaults: η = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8, λ = 0.01.</summary>
        public AdamWAttribute() : base(0.001) => WeightDecay = 0.01;

        /// <summary>The decay of the first moment. Default 0.9.</summary>
        public double Beta1 { get; set; } = 0.9;

        /// <summary>The decay of the second moment. Default 0.999.</summary>
        public double Beta2 { get; set; } = 0.999;

        /// <summary>Added to √v̂ (after the square root). Default 1e-8.</summary>
        public double Epsilon { get; set; } = 1e-8;
    }

    /// <summary>
    /// RMSprop exactly as <c>torch.optim.RMSprop</c>: s ← α·s + (1−α)·g², θ ← θ − η·g/(√s + ε); optionally centered
    /// (subtracts the squared running mean of g) and with momentum (b ← μ·b + g/d, θ ← θ − η·b).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class RmsPropAttribute : OptimizerAttribute
    {
        /// <summary>Declares RMSprop with PyTorch's defaults: η = 0.01, α = 0.99, ε = 1e-8.</summary>
        public RmsPropAttribute() : base(0.01) { }

        /// <summary>The smoothing constant α of the running average of g². Default 0.99.</summary>
        public double Alpha { get; set; } = 0.99;

        /// <summary>Added to the square root (after it). Default 1e-8.</summary>
        public double Epsilon { get; set; } = 1e-8;

        /// <summary>The momentum factor μ. Default 0.</summary>
        public double Momentum { get; set; }

        /// <summary>Whether to normalize by an estimate of the variance of g instead of its second moment.</summary>
        public bool Centered { get; set; }
    }

    /// <summary>
    /// Clips the gradient by its global norm before every Step, as <c>torch.nn.utils.clip_grad_norm_</c>:
    /// n = √(Σ g²) over every parameter; g ← g·min(1, c / (n + 1e-6)).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ClipGradNormAttribute : Attribute
    {
        /// <summary>Clips the global gradient norm to at most <paramref name="maxNorm"/>.</summary>
        public ClipGradNormAttribute(double maxNorm) => MaxNorm = maxNorm;

        /// <summary>The largest global gradient norm c.</summary>
        public double MaxNorm { get; }
    }
}
