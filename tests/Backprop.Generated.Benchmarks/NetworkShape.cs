using System;
using System.Collections.Generic;
using System.Globalization;

namespace Backprop.Generated.Benchmarks
{
    /// <summary>The activation after a dense layer, as far as the baselines need to know.</summary>
    public enum Activation
    {
        /// <summary>No activation (the output layer).</summary>
        None,
        /// <summary>max(0, z); its derivative is 1 where z &gt; 0, else 0 (as the generated code).</summary>
        ReLU,
        /// <summary>tanh(z); its derivative is 1 − tanh(z)².</summary>
        Tanh,
    }

    /// <summary>
    /// A stack of dense layers with biases, each optionally followed by an activation, read from a generated network's
    /// <c>Architecture</c> string (e.g. <c>Single; Input(16); Dense(32); Tanh; Dense(4)</c>), so that the baselines are
    /// built from the very declaration that the generator compiled.
    /// </summary>
    public sealed class NetworkShape
    {
        private NetworkShape(int[] sizes, Activation[] activations)
        {
            Sizes = sizes;
            Activations = activations;
        }

        /// <summary>Widths: <c>Sizes[0]</c> is the input, <c>Sizes[l + 1]</c> the output of dense layer l.</summary>
        public IReadOnlyList<int> Sizes { get; }

        /// <summary>The activation after each dense layer.</summary>
        public IReadOnlyList<Activation> Activations { get; }

        /// <summary>The number of dense layers.</summary>
        public int LayerCount => Activations.Count;

        /// <summary>Features per input sample.</summary>
        public int InputSize => Sizes[0];

        /// <summary>Values per output sample.</summary>
        public int OutputSize => Sizes[Sizes.Count - 1];

        /// <summary>Σ in·out over the dense layers: the number of weights, and of multiply-adds in one forward pass.</summary>
        public long Connections
        {
            get
            {
                long connections = 0;
                for (int l = 0; l < LayerCount; l++) connections += (long)Sizes[l] * Sizes[l + 1];
                return connections;
            }
        }

        /// <summary>Weights and biases, in the generated layout (per layer W [out][in] row-major, then b).</summary>
        public int ParameterCount
        {
            get
            {
                int count = 0;
                for (int l = 0; l < LayerCount; l++) count += Sizes[l] * Sizes[l + 1] + Sizes[l + 1];
                return count;
            }
        }

        /// <summary>Reads a generated <c>Architecture</c> string; accepts only what the baselines implement.</summary>
        /// <exception cref="NotSupportedException">The network uses a layer the baselines do not implement.</exception>
        public static NetworkShape Parse(string architecture)
        {
            var sizes = new List<int>();
            var activations = new List<Activation>();
            string[] parts = architecture.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || parts[0] != "Single") throw Unsupported(architecture, "expected a Single network");
            for (int p = 1; p < parts.Length; p++)
            {
                string part = parts[p];
                if (p == 1)
                {
                    sizes.Add(Argument(part, "Input", architecture));
                }
                else if (part.StartsWith("Dense(", StringComparison.Ordinal))
                {
                    sizes.Add(Argument(part, "Dense", architecture));
                    activations.Add(Activation.None);
                }
                else if ((part == "ReLU" || part == "Tanh") && activations.Count > 0 && activations[^1] == Activation.None)
                {
                    activations[^1] = part == "ReLU" ? Activation.ReLU : Activation.Tanh;
                }
                else
                {
                    throw Unsupported(architecture, "unexpected '" + part + "'");
                }
            }
            if (activations.Count == 0 || activations[^1] != Activation.None) throw Unsupported(architecture, "the last layer must be a linear Dense");
            return new NetworkShape(sizes.ToArray(), activations.ToArray());
        }

        private static int Argument(string part, string name, string architecture)
        {
            string prefix = name + "(";
            if (!part.StartsWith(prefix, StringComparison.Ordinal) || !part.EndsWith(')')
                || !int.TryParse(part.AsSpan(prefix.Length, part.Length - prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                throw Unsupported(architecture, "expected " + name + "(n), found '" + part + "'");
            }
            return value;
        }

        private static NotSupportedException Unsupported(string architecture, string why) =>
            new("The benchmark baselines implement only Single networks of biased Dense layers with ReLU or Tanh between them; '" + architecture + "': " + why + ".");
    }
}
