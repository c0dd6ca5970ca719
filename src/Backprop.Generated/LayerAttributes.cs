using System;

namespace Backprop.Generated
{
    /// <summary>
    /// Base of every attribute that is a step of the network: the input, dense layers, activations and merges.
    /// Any layer may be named; the name labels the layer's output so that a later <see cref="AddAttribute"/> or
    /// <see cref="ConcatAttribute"/> can read it.
    /// </summary>
    public abstract class LayerAttribute : Attribute
    {
        /// <summary>An optional name for this layer's output, unique within the network.</summary>
        public string? Name { get; set; }
    }

    /// <summary>The network's input: a vector of <see cref="Size"/> features. Must be the first layer. Its name is <c>input</c> unless given.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class InputAttribute : LayerAttribute
    {
        /// <summary>Declares an input of <paramref name="size"/> features.</summary>
        public InputAttribute(int size) => Size = size;

        /// <summary>The number of input features.</summary>
        public int Size { get; }
    }

    /// <summary>
    /// A fully connected layer y = W·x + b, with W of shape [units][fan_in] (rows are outputs, as in
    /// <c>torch.nn.Linear.weight</c>) and b of shape [units].
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DenseAttribute : LayerAttribute
    {
        /// <summary>Declares a dense layer with <paramref name="units"/> outputs.</summary>
        public DenseAttribute(int units) => Units = units;

        /// <summary>The number of outputs.</summary>
        public int Units { get; }

        /// <summary>Whether the layer adds a bias b. Default <see langword="true"/>.</summary>
        public bool Bias { get; set; } = true;

        /// <summary>
        /// Optional connectivity: one row per output, one character per input, rows separated by spaces,
        /// commas, semicolons or '|'. <c>1</c> or <c>x</c> is a connection, <c>0</c> or <c>.</c> is none.
        /// For example <c>"xx.. ..xx"</c>: output 0 reads inputs 0 and 1, output 1 reads inputs 2 and 3.
        /// Absent weights stay 0, get no gradient and cost no arithmetic.
        /// </summary>
        public string? Mask { get; set; }

        /// <summary>
        /// How the constructor initializes this layer. Default <see cref="Initializer.PyTorchDefault"/>, or the network's
        /// <see cref="NetworkAttribute.Init"/> when that is set.
        /// </summary>
        public Initializer Init { get; set; }

        /// <summary>How this layer is written; overrides <see cref="NetworkAttribute.Kernel"/> when set to <see cref="Kernel.Scalar"/>.</summary>
        public Kernel Kernel { get; set; }
    }
}
