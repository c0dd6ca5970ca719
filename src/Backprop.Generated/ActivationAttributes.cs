using System;

namespace Backprop.Generated
{
    /// <summary>max(0, x), with derivative 0 at x = 0 (as PyTorch).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ReLUAttribute : LayerAttribute { }

    /// <summary>x if x &gt; 0, else slope·x.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LeakyReLUAttribute : LayerAttribute
    {
        /// <summary>Declares a leaky ReLU with PyTorch's default slope 0.01.</summary>
        public LeakyReLUAttribute() : this(0.01) { }

        /// <summary>Declares a leaky ReLU with the given negative slope.</summary>
        public LeakyReLUAttribute(double slope) => Slope = slope;

        /// <summary>The slope for negative inputs.</summary>
        public double Slope { get; }
    }

    /// <summary>x if x &gt; 0, else alpha·(exp(x) − 1).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ELUAttribute : LayerAttribute
    {
        /// <summary>Declares an ELU with PyTorch's default alpha 1.</summary>
        public ELUAttribute() : this(1.0) { }

        /// <summary>Declares an ELU with the given alpha.</summary>
        public ELUAttribute(double alpha) => Alpha = alpha;

        /// <summary>The saturation value for negative inputs.</summary>
        public double Alpha { get; }
    }

    /// <summary>1 / (1 + exp(−x)).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SigmoidAttribute : LayerAttribute { }

    /// <summary>tanh(x).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class TanhAttribute : LayerAttribute { }

    /// <summary>x: passes its input through unchanged.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class IdentityAttribute : LayerAttribute { }

    /// <summary>exp(xᵢ) / Σⱼ exp(xⱼ) over the units of one sample.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SoftmaxAttribute : LayerAttribute { }

    /// <summary>x·Φ(x) = 0.5·x·(1 + erf(x/√2)): the exact erf form, not the tanh approximation.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class GELUAttribute : LayerAttribute { }

    /// <summary>log(1 + exp(x)); x itself above 20, as PyTorch.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SoftplusAttribute : LayerAttribute { }

    /// <summary>x·sigmoid(x), also called swish.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SiLUAttribute : LayerAttribute { }
}
