using System.Collections.Generic;
using System.Text;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Describes a network's architecture for people and files: a one-line description with a 64-bit fingerprint (what
    /// weight files are checked against), and a Mermaid flowchart of its layers.
    /// </summary>
    internal static class ArchitectureEmitter
    {
        private static readonly string[] InitializerNames = { "PyTorchDefault", "XavierUniform", "XavierNormal", "KaimingUniform", "KaimingNormal", "Zeros" };

        public static string InitializerName(int value) => value >= 0 && value < InitializerNames.Length ? InitializerNames[value] : "PyTorchDefault";

        /// <summary>"Single; Input(4); Dense(16); ReLU; Dense(3)": precision and every layer with the settings that shape it.</summary>
        public static string Describe(EmitContext c)
        {
            var parts = new List<string> { c.Spec.IsDouble ? "Double" : "Single", "Input(" + EmitContext.Int(c.Spec.InputSize) + (c.Spec.InputName != "input" ? ", Name = " + c.Spec.InputName : "") + ")" };
            foreach (LayerPlan layer in c.Plan.Layers)
            {
                LayerSpec s = layer.Spec;
                var arguments = new List<string>();
                switch (layer.Kind)
                {
                    case LayerKind.Dense:
                        arguments.Add(EmitContext.Int(s.Units));
                        if (!s.Bias) arguments.Add("Bias = false");
                        if (s.Mask != null) arguments.Add("Mask = " + s.Mask);
                        break;
                    case LayerKind.LeakyReLU:
                    case LayerKind.ELU:
                        arguments.Add(NumberText.Double(s.Parameter));
                        break;
                    case LayerKind.Add:
                    case LayerKind.Concat:
                        arguments.Add(s.From ?? "");
                        break;
                }
                if (s.Name != null) arguments.Add("Name = " + s.Name);
                parts.Add(layer.Kind + (arguments.Count > 0 ? "(" + string.Join(", ", arguments) + ")" : ""));
            }
            return string.Join("; ", parts);
        }

        /// <summary>FNV-1a 64 of the UTF-8 description, the same function as the runtime's WeightFile.Fnv1a.</summary>
        public static ulong Hash(string description)
        {
            ulong hash = 14695981039346656037UL;
            foreach (byte b in Encoding.UTF8.GetBytes(description))
            {
                hash ^= b;
                hash = unchecked(hash * 1099511628211UL);
            }
            return hash;
        }

        /// <summary>A Mermaid flowchart: one node per layer, with its output width and parameter count; merges draw a second edge.</summary>
        public static string Mermaid(EmitContext c)
        {
            NetworkPlan plan = c.Plan;
            var lines = new List<string> { "flowchart TD" };
            string Node(int tensor) => tensor == 0 ? "x" : "L" + EmitContext.Int(tensor - 1);
            lines.Add("    x[\"" + c.Spec.InputName + " · " + EmitContext.Int(plan.InputSize) + "\"]");
            foreach (LayerPlan layer in plan.Layers)
            {
                string label = EmitContext.Int(layer.Index) + " · " + DocumentationEmitter.Title(c, layer).Replace("\"", "'") + " · " + EmitContext.Int(c.Tensor(layer.Output).Width);
                if (layer.Kind == LayerKind.Dense) label += " · " + EmitContext.Int(layer.Units * layer.FanIn + (layer.HasBias ? layer.Units : 0)) + " params";
                if (layer.Spec.Name != null) label += " · " + layer.Spec.Name;
                lines.Add("    " + Node(layer.Output) + "[\"" + label + "\"]");
            }
            foreach (LayerPlan layer in plan.Layers)
            {
                lines.Add("    " + Node(layer.Input) + " --> " + Node(layer.Output));
                if (layer.Other >= 0) lines.Add("    " + Node(layer.Other) + " -. " + (layer.Kind == LayerKind.Add ? "add" : "concat") + " .-> " + Node(layer.Output));
            }
            if (c.Spec.Loss != LossKind.None)
            {
                lines.Add("    loss([\"" + c.Spec.Loss + "\"])");
                lines.Add("    " + Node(plan.OutputTensor.Index) + " --> loss");
            }
            return string.Join("\n", lines);
        }

        /// <summary>A C# string literal for <paramref name="text"/> (escapes quotes, backslashes and new lines).</summary>
        public static string Literal(string text)
            => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
    }
}
