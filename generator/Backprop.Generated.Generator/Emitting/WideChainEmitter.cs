using System.Linq;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes RunForwardChainWide, the one-sample forward as a chain of 512-bit registers (see <see cref="ChainEmitter"/>
    /// for the 256-bit chain of the tiniest networks), for where Vector512 runs: every tensor but the output is a few whole
    /// 512-bit vectors, kept in registers from one layer to the next instead of stored and loaded back. A dense layer
    /// sums 16 rows at a time with SumSixteen, as its own 512-bit kernel does, and the last layer may instead have at most
    /// 4 rows, summed by one horizontal-add tree. Every tensor is still stored, for the backward.
    /// </summary>
    internal static class WideChainEmitter
    {
        /// <summary>The widest tensor the chain keeps in registers: 4 vectors of 16 floats.</summary>
        private const int MaxWidth = 64;

        /// <summary>
        /// Whether the forward runs as a 512-bit chain: single precision with the runtime's vector math; every layer reads
        /// only the layer before it; every tensor but the last is a whole number of 512-bit vectors, at most
        /// <see cref="MaxWidth"/> values; dense layers (no mask, not scalar) have whole 512-bit vectors of rows, or at most
        /// 4 rows if they are the last layer; activations have a 512-bit form.
        /// </summary>
        public static bool Applies(EmitContext c)
        {
            if (!WholeVectors(c.Plan.InputSize)) return false;
            return ChainEmitter.EveryLayerFits(c, (layer, last) =>
            {
                int width = c.Tensor(layer.Output).Width;
                return layer.Kind == LayerKind.Dense
                    ? layer.Mask is null && (WholeVectors(width) || last && width <= 4)
                    : WholeVectors(width) && VectorEmitter.ActivationValue(c, layer, VectorWidth.Wide, "x") != null;
            });
        }

        private static bool WholeVectors(int width) => width % 16 == 0 && width > 0 && width <= MaxWidth;

        /// <summary>RunForwardChainWide(input, output): the chain, storing every tensor; the output too unless the span is empty.</summary>
        public static void Emit(SourceWriter w, EmitContext c)
        {
            NetworkPlan plan = c.Plan;
            VectorWidth wide = VectorWidth.Wide;
            string V = wide.Of(c);
            w.Line();
            w.Line("// The forward as one chain of 512-bit registers (where Vector512 runs): each layer takes the vectors of the one");
            w.Line("// before it in registers instead of loading what it just stored. Every tensor is still stored, for the backward.");
            ChainEmitter.Open(w, c, "RunForwardChainWide");
            string[] current = Enumerable.Range(0, plan.InputSize / 16).Select(j => "t0_" + EmitContext.Int(j)).ToArray();
            for (int j = 0; j < current.Length; j++)
            {
                w.Line(V + " " + current[j] + " = " + wide.Load("x", EmitContext.Int(16 * j)) + ";");
                w.Line(wide.Store(current[j], "v", EmitContext.Int(16 * j)));
            }
            string? tail = null;
            foreach (LayerPlan layer in plan.Layers)
            {
                TensorPlan y = c.Tensor(layer.Output);
                string name = "t" + EmitContext.Int(layer.Index + 1) + "_";
                w.Line("// " + EmitContext.Int(layer.Index) + ": " + layer.Kind + (layer.Kind == LayerKind.Dense ? " " + EmitContext.Int(layer.FanIn) + " → " + EmitContext.Int(layer.Units) : ""));
                if (layer.Kind == LayerKind.Dense && !WholeVectors(layer.Units))
                {
                    tail = name + "sums";
                    Tail(w, c, layer, current, tail);
                    break;
                }
                string[] next = Enumerable.Range(0, y.Width / 16).Select(j => name + EmitContext.Int(j)).ToArray();
                for (int j = 0; j < next.Length; j++)
                {
                    string value = layer.Kind == LayerKind.Dense ? Block(c, layer, current, j) : VectorEmitter.ActivationValue(c, layer, wide, current[j])!;
                    w.Line(V + " " + next[j] + " = " + value + ";");
                    w.Line(wide.Store(next[j], "v", EmitContext.Int(y.Offset + 16 * j)));
                }
                current = next;
            }
            w.Line("if (output.Length == 0) return;");
            w.Line("ref float to = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(output);");
            if (tail != null) ChainEmitter.StoreLanes(w, tail, 4, "to", 0, plan.OutputSize);
            else for (int j = 0; j < current.Length; j++) w.Line(wide.Store(current[j], "to", EmitContext.Int(16 * j)));
            w.Close();
        }

        /// <summary>One row's products with x, as one 512-bit vector: W[row, 0..16)·x₀, then a multiply-add per further vector.</summary>
        private static string Row(EmitContext c, LayerPlan layer, int row, string[] x)
        {
            VectorWidth wide = VectorWidth.Wide;
            string sum = wide.Load("w", EmitContext.Int(layer.WeightOffset + row * layer.FanIn)) + " * " + x[0];
            for (int j = 1; j < x.Length; j++)
                sum = Simd.Math + ".MultiplyAdd(" + wide.Load("w", EmitContext.Int(layer.WeightOffset + row * layer.FanIn + 16 * j)) + ", " + x[j] + ", " + sum + ")";
            return sum;
        }

        /// <summary>Rows 16b .. 16b + 15 summed by SumSixteen (its lanes in row order, as the layer's own kernel passes them), then the bias.</summary>
        private static string Block(EmitContext c, LayerPlan layer, string[] x, int b)
        {
            string sums = VectorEmitter.SumSixteenRows(Enumerable.Range(0, 16).Select(r => Row(c, layer, 16 * b + r, x)).ToArray());
            return layer.HasBias ? sums + " + " + VectorWidth.Wide.Load("w", EmitContext.Int(layer.BiasOffset + 16 * b)) : sums;
        }

        /// <summary>The last layer's at most 4 rows: each folded to 256 bits, summed by one horizontal-add tree, then the bias.</summary>
        private static void Tail(SourceWriter w, EmitContext c, LayerPlan layer, string[] x, string sums)
        {
            var rows = Enumerable.Range(0, 4).Select(r => r < layer.Units ? Simd.Math + ".Fold(" + Row(c, layer, r, x) + ")" : Simd.Of(c) + ".Zero");
            w.Line(Simd.Vector128 + "<float> " + sums + " = " + Simd.Math + ".SumFour(" + string.Join(", ", rows) + ")" + ChainEmitter.Bias(c, layer, 4) + ";");
            ChainEmitter.StoreLanes(w, sums, 4, "v", c.Tensor(layer.Output).Offset, layer.Units);
        }
    }
}
