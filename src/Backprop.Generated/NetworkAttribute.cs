using System;

namespace Backprop.Generated
{
    /// <summary>
    /// Marks a <c>partial class</c> as a neural network. The layers are the attributes that follow, in order:
    /// one <see cref="InputAttribute"/>, then layers (<see cref="DenseAttribute"/>, activations, merges), then
    /// optionally one loss and one optimizer. The generator writes Forward, Backward and (with an optimizer) Step.
    /// </summary>
    /// <example>
    /// <code>
    /// [Network(Precision.Single)]
    /// [Input(4)]
    /// [Dense(16)] [ReLU]
    /// [Dense(3)]
    /// [SoftmaxCrossEntropy]
    /// [Sgd(LearningRate = 0.1)]
    /// public partial class IrisNet { }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class NetworkAttribute : Attribute
    {
        /// <summary>Declares a network that computes in single precision.</summary>
        public NetworkAttribute() : this(Precision.Single) { }

        /// <summary>Declares a network that computes in the given precision.</summary>
        public NetworkAttribute(Precision precision) => Precision = precision;

        /// <summary>The floating-point type of inputs, outputs, parameters and gradients.</summary>
        public Precision Precision { get; }

        /// <summary>The initialization of every dense layer that does not set its own <see cref="DenseAttribute.Init"/>.</summary>
        public Initializer Init { get; set; }

        /// <summary>How layers are written: <see cref="Kernel.Auto"/> (SIMD where it pays) or <see cref="Kernel.Scalar"/>.</summary>
        public Kernel Kernel { get; set; }
    }
}
