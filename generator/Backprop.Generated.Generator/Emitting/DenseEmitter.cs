using System.Collections.Generic;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes a dense layer's forward (z = W·x + b) and backward (dL/dW += δz·xᵀ, dL/db += δz, δx = Wᵀ·δz) methods.
    /// A fully connected layer is written as loops with constant bounds; a masked layer is written out connection by
    /// connection, so an absent weight costs nothing.
    /// </summary>
    internal static class DenseEmitter
    {
        public static void Forward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            string W = "W" + EmitContext.Int(layer.Index), b = "b" + EmitContext.Int(layer.Index);
            string formula = layer.Mask is null ? W + "·" + x.Local : "(" + W + " ⊙ mask)·" + x.Local;
            w.Line("// " + z.Display + " = " + formula + (layer.HasBias ? " + " + b : "") + "    " + W + ": " + EmitContext.Shape(layer.Units, layer.FanIn)
                + (layer.Mask is null ? "" : ", " + EmitContext.Int(layer.Connections) + " of " + EmitContext.Int(layer.Units * layer.FanIn) + " connections"));
            if (VectorEmitter.Dense(c, layer)) VectorEmitter.DenseForward(w, c, layer);
            else if (VectorEmitter.Packed(c, layer)) VectorEmitter.DensePackedForward(w, c, layer);
            w.Line(c.ValuesLocal(x, readOnly: true));
            w.Line(EmitContext.ReadOnlySpan + "<" + c.T + "> " + W + " = " + c.SpanOf("_parameters", layer.WeightOffset, layer.Units * layer.FanIn, true) + ";");
            if (layer.HasBias) w.Line(EmitContext.ReadOnlySpan + "<" + c.T + "> " + b + " = " + c.SpanOf("_parameters", layer.BiasOffset, layer.Units, true) + ";");
            w.Line(c.ValuesLocal(z, readOnly: false));

            if (layer.Mask != null)
            {
                for (int o = 0; o < layer.Units; o++)
                {
                    var terms = new List<string>();
                    if (layer.HasBias) terms.Add(b + "[" + EmitContext.Int(o) + "]");
                    for (int i = 0; i < layer.FanIn; i++)
                    {
                        if (layer.Mask[o][i]) terms.Add(W + "[" + EmitContext.Int(o * layer.FanIn + i) + "] * " + x.Local + "[" + EmitContext.Int(i) + "]");
                    }
                    w.Line(z.Local + "[" + EmitContext.Int(o) + "] = " + string.Join(" + ", terms) + ";");
                }
                return;
            }

            string fanIn = EmitContext.Int(layer.FanIn);
            w.Open("for (int o = 0; o < " + EmitContext.Int(layer.Units) + "; o++)");
            w.Line(EmitContext.ReadOnlySpan + "<" + c.T + "> row = " + W + ".Slice(o * " + fanIn + ", " + fanIn + ");");
            w.Line(c.T + " sum = " + (layer.HasBias ? b + "[o]" : c.Lit(0)) + ";");
            w.Line("for (int i = 0; i < " + fanIn + "; i++) sum += row[i] * " + x.Local + "[i];");
            w.Line(z.Local + "[o] = sum;");
            w.Close();
        }

        /// <summary>
        /// Writes the backward step. With <paramref name="parameterGradients"/> false only δx = Wᵀ·δz is computed:
        /// the Jacobian needs the input gradient but must not touch the accumulated parameter gradients. With
        /// <paramref name="inputGradient"/> false only the parameter gradients are: training a layer that reads the network
        /// input never needs δx.
        /// </summary>
        public static void Backward(SourceWriter w, EmitContext c, LayerPlan layer, bool parameterGradients = true, bool inputGradient = true)
        {
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            string n = EmitContext.Int(layer.Index);
            string W = "W" + n, gW = "gW" + n, gb = "gb" + n;
            string dx = x.DeltaLocal, dz = z.DeltaLocal;
            string op = layer.AssignsInputGradient ? " = " : " += ";
            if (parameterGradients)
            {
                w.Line("// ∂l/∂" + W + " += δ" + z.Local + " · " + x.Local + "ᵀ" + (layer.Mask is null ? "" : " ⊙ mask") + "    " + EmitContext.Shape(layer.Units, layer.FanIn)
                    + (layer.Mask is null ? "" : ", only the " + EmitContext.Int(layer.Connections) + " connections"));
                if (layer.HasBias) w.Line("// ∂l/∂b" + n + " += δ" + z.Local + "    " + EmitContext.Shape(layer.Units));
            }
            if (inputGradient)
            {
                w.Line("// δ" + x.Local + " " + op.Trim() + " " + (layer.Mask is null ? W : "(" + W + " ⊙ mask)") + "ᵀ · δ" + z.Local + "    " + EmitContext.Shape(layer.FanIn)
                    + (layer.AssignsInputGradient ? "" : "    (added: " + x.Local + " also feeds a later layer)"));
            }
            if (VectorEmitter.Dense(c, layer)) VectorEmitter.DenseBackward(w, c, layer, parameterGradients, inputGradient);
            else if (VectorEmitter.Packed(c, layer)) VectorEmitter.DensePackedBackward(w, c, layer, parameterGradients, inputGradient);
            if (parameterGradients) w.Line(c.ValuesLocal(x, readOnly: true));
            if (inputGradient) w.Line(EmitContext.ReadOnlySpan + "<" + c.T + "> " + W + " = " + c.SpanOf("_parameters", layer.WeightOffset, layer.Units * layer.FanIn, true) + ";");
            if (parameterGradients)
            {
                w.Line(EmitContext.Span + "<" + c.T + "> " + gW + " = " + c.SpanOf("_gradients", layer.WeightOffset, layer.Units * layer.FanIn, false) + ";");
                if (layer.HasBias) w.Line(EmitContext.Span + "<" + c.T + "> " + gb + " = " + c.SpanOf("_gradients", layer.BiasOffset, layer.Units, false) + ";");
            }
            w.Line(c.DeltasLocal(z, readOnly: true));
            if (inputGradient) w.Line(c.DeltasLocal(x, readOnly: false));

            if (layer.Mask != null)
            {
                MaskedBackward(w, c, layer, x, z, W, parameterGradients ? gW : null, gb, inputGradient ? op : null);
                return;
            }

            string fanIn = EmitContext.Int(layer.FanIn);
            if (inputGradient && layer.AssignsInputGradient) w.Line(dx + ".Clear();");
            w.Open("for (int o = 0; o < " + EmitContext.Int(layer.Units) + "; o++)");
            w.Line(c.T + " d = " + dz + "[o];");
            if (parameterGradients && layer.HasBias) w.Line(gb + "[o] += d;");
            if (inputGradient) w.Line(EmitContext.ReadOnlySpan + "<" + c.T + "> row = " + W + ".Slice(o * " + fanIn + ", " + fanIn + ");");
            if (parameterGradients)
            {
                w.Line(EmitContext.Span + "<" + c.T + "> gradRow = " + gW + ".Slice(o * " + fanIn + ", " + fanIn + ");");
                if (inputGradient)
                {
                    w.Open("for (int i = 0; i < " + fanIn + "; i++)");
                    w.Line("gradRow[i] += d * " + x.Local + "[i];");
                    w.Line(dx + "[i] += row[i] * d;");
                    w.Close();
                }
                else
                {
                    w.Line("for (int i = 0; i < " + fanIn + "; i++) gradRow[i] += d * " + x.Local + "[i];");
                }
            }
            else
            {
                w.Line("for (int i = 0; i < " + fanIn + "; i++) " + dx + "[i] += row[i] * d;");
            }
            w.Close();
        }

        // gW null: no parameter gradients; op null: no input gradient.
        private static void MaskedBackward(SourceWriter w, EmitContext c, LayerPlan layer, TensorPlan x, TensorPlan z, string W, string? gW, string gb, string? op)
        {
            bool[][] mask = layer.Mask!;
            for (int o = 0; o < layer.Units && gW != null; o++)
            {
                string d = z.DeltaLocal + "[" + EmitContext.Int(o) + "]";
                if (layer.HasBias) w.Line(gb + "[" + EmitContext.Int(o) + "] += " + d + ";");
                for (int i = 0; i < layer.FanIn; i++)
                {
                    if (mask[o][i]) w.Line(gW + "[" + EmitContext.Int(o * layer.FanIn + i) + "] += " + d + " * " + x.Local + "[" + EmitContext.Int(i) + "];");
                }
            }
            for (int i = 0; i < layer.FanIn && op != null; i++)
            {
                var terms = new List<string>();
                for (int o = 0; o < layer.Units; o++)
                {
                    if (mask[o][i]) terms.Add(W + "[" + EmitContext.Int(o * layer.FanIn + i) + "] * " + z.DeltaLocal + "[" + EmitContext.Int(o) + "]");
                }
                string target = x.DeltaLocal + "[" + EmitContext.Int(i) + "]";
                if (terms.Count > 0) w.Line(target + op + string.Join(" + ", terms) + ";");
                else if (layer.AssignsInputGradient) w.Line(target + " = " + c.Lit(0) + ";    // no output reads this input");
            }
        }

        /// <summary>Initializes a dense layer's parameters in the constructor, and zeroes its absent connections.</summary>
        public static void Initialize(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            string weights = c.SpanOf("_parameters", layer.WeightOffset, layer.Units * layer.FanIn, false);
            string bias = layer.HasBias ? c.SpanOf("_parameters", layer.BiasOffset, layer.Units, false) : EmitContext.Span + "<" + c.T + ">.Empty";
            w.Line("global::Backprop.Generated.Initialization.Initialize(" + weights + ", " + bias + ", " + EmitContext.Int(layer.FanIn) + ", " + EmitContext.Int(layer.Units)
                + ", global::Backprop.Generated.Initializer." + ArchitectureEmitter.InitializerName(layer.Spec.Initializer) + ", random);");
            if (layer.Mask is null) return;
            for (int o = 0; o < layer.Units; o++)
            {
                for (int i = 0; i < layer.FanIn; i++)
                {
                    if (!layer.Mask[o][i]) w.Line("_parameters[" + EmitContext.Int(layer.WeightOffset + o * layer.FanIn + i) + "] = " + c.Lit(0) + ";    // layer " + EmitContext.Int(layer.Index) + ": output " + EmitContext.Int(o) + " does not read input " + EmitContext.Int(i));
                }
            }
        }
    }
}
