using System.Collections.Generic;
using System.Linq;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes RunForwardChain, the one-sample forward of a tiny network whose every tensor fits one 256-bit vector: each
    /// layer takes the one before it in a register, and Forward writes the output from its register. The layer-by-layer
    /// forward stores each tensor and the next layer loads it back, a store and a load on the critical path of every layer
    /// that, at 4→8→3, is most of the work (the chain measured 21–28% faster than the layer-by-layer forward). The chain
    /// still stores every tensor, which the backward reads. Each output is its row's products summed by a horizontal-add
    /// tree, then the bias, as in the layers' vector kernels; where a layer's own kernel sums otherwise (a 4-input layer
    /// of fewer than 8 rows runs the scalar loop, a single row Vector256.Sum), the chain's result can differ from it in
    /// the last bits, as the paths of different machines do.
    /// </summary>
    internal static class ChainEmitter
    {
        /// <summary>
        /// Whether the forward runs as a chain: single precision with the runtime's vector math; an input of 4 or 8
        /// values; every layer reads only the layer before it, and is a SIMD dense layer of 4 or 8 inputs and at most 8
        /// outputs (an even number of them for 4 inputs, two rows to a vector) or an activation with a vector form.
        /// </summary>
        public static bool Applies(EmitContext c)
        {
            if (c.Plan.InputSize != 4 && c.Plan.InputSize != 8) return false;
            return EveryLayerFits(c, (layer, last) => c.Tensor(layer.Output).Width <= 8 && (layer.Kind == LayerKind.Dense
                ? layer.Mask is null && (layer.FanIn == 8 || layer.FanIn == 4 && layer.Units % 2 == 0)
                : VectorEmitter.ActivationValue(c, layer, VectorWidth.Narrow, "x") != null));
        }

        /// <summary>
        /// What both chains need: single precision with the runtime's vector math, and every layer, in order, reading only
        /// the layer before it, not scalar, and passing <paramref name="fits"/> (given whether it is the last layer).
        /// </summary>
        internal static bool EveryLayerFits(EmitContext c, System.Func<LayerPlan, bool, bool> fits)
        {
            if (c.Spec.IsDouble || !c.Target.HasVectorMath) return false;
            int previous = 0;
            IReadOnlyList<LayerPlan> layers = c.Plan.Layers;
            for (int i = 0; i < layers.Count; i++)
            {
                LayerPlan layer = layers[i];
                if (layer.Input != previous || layer.Other >= 0 || layer.Spec.Scalar || !fits(layer, i == layers.Count - 1)) return false;
                previous = layer.Output;
            }
            return true;
        }

        /// <summary>RunForwardChain(input, output): the chain, storing every tensor; the output too unless the span is empty.</summary>
        public static void Emit(SourceWriter w, EmitContext c)
        {
            NetworkPlan plan = c.Plan;
            string V8 = Simd.Of(c);
            w.Line();
            w.Line("// The forward as one chain of registers (every tensor fits a 256-bit vector): each layer takes the one before it");
            w.Line("// in a register instead of loading what it just stored. Every tensor is still stored, for the backward. Lanes past a");
            w.Line("// tensor's width are not used.");
            Open(w, c, "RunForwardChain");
            string current = "t0";
            if (plan.InputSize == 8) w.Line(V8 + " t0 = " + Simd.Load("x", "0") + ";");
            else w.Line(V8 + " t0 = " + Simd.Vector128 + ".ToVector256Unsafe(" + Simd.Load128("x", "0") + ");");
            StoreLanes(w, current, 8, "v", 0, plan.InputSize);
            foreach (LayerPlan layer in plan.Layers)
            {
                string next = "t" + EmitContext.Int(layer.Index + 1);
                TensorPlan y = c.Tensor(layer.Output);
                if (layer.Kind == LayerKind.Dense) Dense(w, c, layer, current, next);
                else
                {
                    w.Line("// " + EmitContext.Int(layer.Index) + ": " + layer.Kind);
                    w.Line(V8 + " " + next + " = " + VectorEmitter.ActivationValue(c, layer, VectorWidth.Narrow, current) + ";");
                }
                StoreLanes(w, next, 8, "v", y.Offset, y.Width);
                current = next;
            }
            w.Line("if (output.Length == 0) return;");
            w.Line("ref float to = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(output);");
            StoreLanes(w, current, 8, "to", 0, plan.OutputSize);
            w.Close();
        }

        /// <summary>
        /// The first statement of Forward and RunForward where a chain applies: the call to it, guarded by its width's
        /// JIT-time check, and return; <paramref name="output"/> is the output span, or "default" for none.
        /// </summary>
        public static void Dispatch(SourceWriter w, EmitContext c, string output)
        {
            if (WideChainEmitter.Applies(c)) w.Line("if (" + VectorWidth.Wide.Accelerated + ") { RunForwardChainWide(input, " + output + "); return; }");
            else if (Applies(c)) w.Line("if (" + Simd.Accelerated + ") { RunForwardChain(input, " + output + "); return; }");
        }

        /// <summary>Opens a chain method (input, output) with references w to the parameters, v to the values and x to the input.</summary>
        internal static void Open(SourceWriter w, EmitContext c, string method)
        {
            w.Open("private void " + method + "(" + EmitContext.ReadOnlySpan + "<float> input, " + EmitContext.Span + "<float> output)");
            w.Line(Simd.Ref(c, "w", "_parameters"));
            w.Line(Simd.Ref(c, "v", "_values"));
            w.Line("ref float x = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(input);");
        }

        /// <summary>A dense layer of 4 inputs (two rows of W to a vector, x in both halves) or 8 (a row to a vector).</summary>
        private static void Dense(SourceWriter w, EmitContext c, LayerPlan layer, string x, string z)
        {
            string V = Simd.Vector, V8 = Simd.Of(c);
            int units = layer.Units;
            w.Line("// " + EmitContext.Int(layer.Index) + ": Dense " + EmitContext.Int(layer.FanIn) + " → " + EmitContext.Int(units));
            string Row(int offset) => Simd.Load("w", EmitContext.Int(layer.WeightOffset + offset));
            IEnumerable<string> Pad(IEnumerable<string> products, int count) => products.Concat(Enumerable.Repeat(V8 + ".Zero", count - products.Count()));
            if (layer.FanIn == 4)
            {
                string xx = x + "x";
                w.Line(V8 + " " + xx + " = " + V + ".Create(" + V + ".GetLower(" + x + "), " + V + ".GetLower(" + x + "));");
                var products = Enumerable.Range(0, units / 2).Select(k => Row(8 * k) + " * " + xx);
                w.Line(V8 + " " + z + " = " + Simd.Math + ".SumQuads(" + string.Join(", ", Pad(products, 4)) + ")" + Bias(c, layer, 8) + ";");
            }
            else if (units <= 4)
            {
                var products = Enumerable.Range(0, units).Select(r => Row(8 * r) + " * " + x);
                w.Line(V8 + " " + z + " = " + Simd.Vector128 + ".ToVector256Unsafe(" + Simd.Math + ".SumFour(" + string.Join(", ", Pad(products, 4)) + ")" + Bias(c, layer, 4) + ");");
            }
            else
            {
                var products = Enumerable.Range(0, units).Select(r => Row(8 * r) + " * " + x);
                w.Line(V8 + " " + z + " = " + Simd.Math + ".SumEach(" + string.Join(", ", Pad(products, 8)) + ")" + Bias(c, layer, 8) + ";");
            }
        }

        /// <summary>" + b" as a vector of <paramref name="lanes"/>: loaded when the bias fills it, else built from its elements and zeros.</summary>
        internal static string Bias(EmitContext c, LayerPlan layer, int lanes)
        {
            if (!layer.HasBias) return "";
            string at = EmitContext.Int(layer.BiasOffset);
            if (layer.Units == lanes) return " + " + (lanes == 8 ? Simd.Load("w", at) : Simd.Load128("w", at));
            var elements = Enumerable.Range(0, lanes).Select(i => i < layer.Units ? Simd.Element("w", EmitContext.Int(layer.BiasOffset + i)) : c.Lit(0));
            return " + " + (lanes == 8 ? Simd.Vector : Simd.Vector128) + ".Create(" + string.Join(", ", elements) + ")";
        }

        /// <summary>
        /// Stores the first <paramref name="width"/> lanes of <paramref name="register"/>, a Vector256 (8 lanes) or Vector128
        /// (4), at <paramref name="at"/>: the whole register, its lower 128 bits, or lane by lane.
        /// </summary>
        internal static void StoreLanes(SourceWriter w, string register, int lanes, string reference, int at, int width)
        {
            string V = lanes == 8 ? Simd.Vector : Simd.Vector128, to = EmitContext.Int(at);
            if (width == lanes) w.Line(lanes == 8 ? Simd.Store(register, reference, to) : Simd.Store128(register, reference, to));
            else if (width == 4) w.Line(Simd.Store128(V + ".GetLower(" + register + ")", reference, to));
            else for (int i = 0; i < width; i++) w.Line(Simd.Element(reference, EmitContext.Int(at + i)) + " = " + V + ".GetElement(" + register + ", " + EmitContext.Int(i) + ");");
        }
    }
}
