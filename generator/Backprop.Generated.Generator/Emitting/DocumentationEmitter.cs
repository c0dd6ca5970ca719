namespace Backprop.Generated.Generator
{
    /// <summary>Writes the class's XML documentation: a summary and a remarks table of layers, shapes and parameters.</summary>
    internal static class DocumentationEmitter
    {
        public static void ClassRemarks(SourceWriter w, EmitContext c)
        {
            NetworkPlan plan = c.Plan;
            NetworkSpec spec = c.Spec;
            w.Line("/// <summary>");
            w.Line("/// A " + EmitContext.Int(plan.InputSize) + " → " + EmitContext.Int(plan.OutputSize) + " network in " + c.T + " with "
                + EmitContext.Int(plan.ParameterCount) + " parameters" + (spec.Loss != LossKind.None ? ", trained on " + LossEmitter.Describe(spec.Loss) : "") + ".");
            w.Line("/// </summary>");
            w.Line("/// <remarks>");
            w.Line("/// <list type=\"table\">");
            w.Line("/// <listheader><term>Layer</term><description>Output · parameters (offset in Parameters)</description></listheader>");
            w.Line("/// <item><term>input</term><description>" + Escape(plan.InputTensor.Display) + " " + EmitContext.Shape(plan.InputSize) + "</description></item>");
            foreach (LayerPlan layer in plan.Layers)
            {
                TensorPlan output = c.Tensor(layer.Output);
                string parameters = "";
                if (layer.Kind == LayerKind.Dense)
                {
                    parameters = " · W " + EmitContext.Shape(layer.Units, layer.FanIn) + " at " + EmitContext.Int(layer.WeightOffset)
                        + (layer.HasBias ? ", b " + EmitContext.Shape(layer.Units) + " at " + EmitContext.Int(layer.BiasOffset) : ", no bias")
                        + (layer.Mask != null ? ", " + EmitContext.Int(layer.Connections) + " connections" : "");
                }
                w.Line("/// <item><term>" + EmitContext.Int(layer.Index) + " " + Escape(Title(c, layer)) + "</term><description>"
                    + Escape(output.Display) + " " + EmitContext.Shape(output.Width) + parameters + "</description></item>");
            }
            w.Line("/// <item><term>total</term><description>" + EmitContext.Int(plan.ParameterCount) + " parameters; "
                + EmitContext.Int(plan.ForwardFlops) + " FLOPs forward, " + EmitContext.Int(plan.ForwardFlops + plan.BackwardFlops) + " per training sample</description></item>");
            w.Line("/// </list>");
            w.Line("/// </remarks>");
        }

        /// <summary>How a layer is written in the table: its attribute, as the user wrote it.</summary>
        public static string Title(EmitContext c, LayerPlan layer)
        {
            LayerSpec s = layer.Spec;
            switch (layer.Kind)
            {
                case LayerKind.Dense: return "Dense(" + EmitContext.Int(s.Units) + (s.Bias ? "" : ", Bias = false") + (s.Mask != null ? ", Mask" : "") + ")";
                case LayerKind.LeakyReLU:
                case LayerKind.ELU: return layer.Kind + "(" + NumberText.Double(s.Parameter) + ")";
                case LayerKind.Add:
                case LayerKind.Concat: return layer.Kind + "(\"" + s.From + "\")";
                default: return layer.Kind.ToString();
            }
        }

        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
