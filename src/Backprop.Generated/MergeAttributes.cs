using System;

namespace Backprop.Generated
{
    /// <summary>
    /// Adds the tensor named <see cref="From"/> element by element to the current one (a residual connection).
    /// Both must have the same width. <c>input</c> names the network input.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AddAttribute : LayerAttribute
    {
        /// <summary>Adds the output of the earlier layer named <paramref name="from"/>.</summary>
        public AddAttribute(string from) => From = from;

        /// <summary>The name of an earlier layer, or <c>input</c>.</summary>
        public string From { get; }
    }

    /// <summary>
    /// Joins the current tensor and the tensor named <see cref="From"/> along the feature axis, current first:
    /// [x₁…x_a, s₁…s_b]. The widths may differ.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConcatAttribute : LayerAttribute
    {
        /// <summary>Appends the output of the earlier layer named <paramref name="from"/>.</summary>
        public ConcatAttribute(string from) => From = from;

        /// <summary>The name of an earlier layer, or <c>input</c>.</summary>
        public string From { get; }
    }
}
