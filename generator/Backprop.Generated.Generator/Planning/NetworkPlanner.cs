using System.Collections.Generic;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Works out a network's layout from its spec: the tensors (input, and one per layer), their widths and offsets,
    /// the parameter offsets of each dense layer, which backward writes assign and which accumulate, and whether the
    /// loss fuses with the last layer. Pure: the same spec always gives the same plan.
    /// </summary>
    internal static class NetworkPlanner
    {
        /// <summary>The problems of a spec's graph and masks; empty when it can be planned.</summary>
        public static List<PlanIssue> Validate(NetworkSpec spec)
        {
            var issues = new List<PlanIssue>();
            Build(spec, issues);
            return issues;
        }

        /// <summary>Plans a spec the parser accepted.</summary>
        public static NetworkPlan Plan(NetworkSpec spec)
        {
            var issues = new List<PlanIssue>();
            NetworkPlan plan = Build(spec, issues);
            if (issues.Count > 0) throw new System.InvalidOperationException("The spec has problems the parser should have reported: " + issues[0].Descriptor.Id);
            return plan;
        }

        private static NetworkPlan Build(NetworkSpec spec, List<PlanIssue> issues)
        {
            var tensors = new List<TensorPlan> { new TensorPlan(0, spec.InputSize, 0, "x", spec.InputName == "x" ? null : spec.InputName) };
            var layers = new List<LayerPlan>();
            var names = new Dictionary<string, int> { [spec.InputName] = 0 };
            var laterNames = new HashSet<string>();
            foreach (LayerSpec layer in spec.Layers)
            {
                if (layer.Name != null) laterNames.Add(layer.Name);
            }

            int parameterOffset = 0;
            int valueOffset = spec.InputSize;
            for (int i = 0; i < spec.Layers.Count; i++)
            {
                LayerSpec layerSpec = spec.Layers[i];
                int input = tensors.Count - 1;
                int inputWidth = tensors[input].Width;
                int other = -1;
                int width = inputWidth;

                if (layerSpec.Kind == LayerKind.Add || layerSpec.Kind == LayerKind.Concat)
                {
                    string from = layerSpec.From ?? "";
                    if (!names.TryGetValue(from, out other))
                    {
                        other = -1;
                        bool later = laterNames.Contains(from);
                        string which = layerSpec.Name == from ? "is this layer's own name" : "is the output of a later layer";
                        issues.Add(later
                            ? new PlanIssue(Diagnostics.ForwardReference, i, layerSpec.Kind.ToString(), from, which)
                            : new PlanIssue(Diagnostics.UnknownName, i, layerSpec.Kind.ToString(), from, spec.InputName));
                    }
                    int otherWidth = other >= 0 ? tensors[other].Width : inputWidth;
                    if ((long)inputWidth + otherWidth > MaxArrayLength / 4)
                    {
                        issues.Add(new PlanIssue(Diagnostics.TooLarge, i, layerSpec.Kind.ToString(), NumberText.Int((long)inputWidth + otherWidth), "values in one tensor", NumberText.Int(MaxArrayLength / 4)));
                        break;
                    }
                    if (layerSpec.Kind == LayerKind.Add && other >= 0 && otherWidth != inputWidth)
                    {
                        issues.Add(new PlanIssue(Diagnostics.AddWidthMismatch, i, from, NumberText.Int(otherWidth), NumberText.Int(inputWidth)));
                    }
                    width = layerSpec.Kind == LayerKind.Concat ? inputWidth + otherWidth : inputWidth;
                }
                else if (layerSpec.Kind == LayerKind.Dense)
                {
                    width = layerSpec.Units;
                }

                string local = (layerSpec.Kind == LayerKind.Dense ? "z" : layerSpec.Kind == LayerKind.Add || layerSpec.Kind == LayerKind.Concat ? "m" : "a") + NumberText.Int(i);
                var tensor = new TensorPlan(tensors.Count, width, valueOffset, local, layerSpec.Name);
                var plan = new LayerPlan(i, layerSpec, input, other < 0 ? (layerSpec.Kind == LayerKind.Add || layerSpec.Kind == LayerKind.Concat ? input : -1) : other, tensor.Index);

                // The optimizer keeps up to 3 values per parameter, and a tile holds 4 samples: both arrays must fit.
                long parameters = layerSpec.Kind == LayerKind.Dense ? (long)layerSpec.Units * inputWidth + (layerSpec.Bias ? layerSpec.Units : 0) : 0;
                if (parameterOffset + parameters > MaxArrayLength / 3 || valueOffset + (long)width > MaxArrayLength / 4)
                {
                    bool tooManyParameters = parameterOffset + parameters > MaxArrayLength / 3;
                    issues.Add(new PlanIssue(Diagnostics.TooLarge, i, layerSpec.Kind + (layerSpec.Kind == LayerKind.Dense ? "(" + NumberText.Int(layerSpec.Units) + ")" : ""),
                        NumberText.Int(tooManyParameters ? parameterOffset + parameters : valueOffset + (long)width),
                        tooManyParameters ? "parameters" : "values per sample", NumberText.Int(tooManyParameters ? MaxArrayLength / 3 : MaxArrayLength / 4)));
                    break;
                }
                if (layerSpec.Kind == LayerKind.Dense)
                {
                    plan.FanIn = inputWidth;
                    plan.Units = layerSpec.Units;
                    plan.WeightOffset = parameterOffset;
                    parameterOffset += layerSpec.Units * inputWidth;
                    if (layerSpec.Bias)
                    {
                        plan.BiasOffset = parameterOffset;
                        parameterOffset += layerSpec.Units;
                    }
                    plan.Connections = layerSpec.Units * inputWidth;
                    if (layerSpec.Mask != null)
                    {
                        plan.Mask = CheckMask(layerSpec, inputWidth, i, issues);
                        if (plan.Mask != null) plan.Connections = CountConnections(plan.Mask);
                    }
                }

                if (layerSpec.Name != null)
                {
                    if (names.ContainsKey(layerSpec.Name)) issues.Add(new PlanIssue(Diagnostics.DuplicateName, i, layerSpec.Name));
                    else names[layerSpec.Name] = tensor.Index;
                }

                tensors.Add(tensor);
                layers.Add(plan);
                valueOffset += width;
            }

            AssignGradientWriteModes(layers);
            return new NetworkPlan(tensors, layers, parameterOffset, FusionOf(spec));
        }

        // Backward visits layers last to first. The first write into a tensor's gradient assigns; later ones add, as
        // autograd sums the gradients of every consumer.
        private static void AssignGradientWriteModes(List<LayerPlan> layers)
        {
            var written = new HashSet<int>();
            for (int i = layers.Count - 1; i >= 0; i--)
            {
                LayerPlan layer = layers[i];
                layer.AssignsInputGradient = written.Add(layer.Input);
                if (layer.Other >= 0) layer.AssignsOtherGradient = written.Add(layer.Other);
            }
        }

        private static LossFusion FusionOf(NetworkSpec spec)
        {
            LayerKind last = spec.Layers[spec.Layers.Count - 1].Kind;
            if (spec.Loss == LossKind.CrossEntropy && last == LayerKind.Softmax) return LossFusion.SoftmaxCrossEntropy;
            if (spec.Loss == LossKind.BinaryCrossEntropy && last == LayerKind.Sigmoid) return LossFusion.SigmoidBinaryCrossEntropy;
            return LossFusion.None;
        }

        private static bool[][]? CheckMask(LayerSpec layer, int fanIn, int index, List<PlanIssue> issues)
        {
            bool[][] rows = MaskText.Rows(layer.Mask!);
            bool shapeOk = rows.Length == layer.Units;
            foreach (bool[] row in rows) shapeOk &= row.Length == fanIn;
            if (!shapeOk)
            {
                issues.Add(new PlanIssue(Diagnostics.MaskWrongShape, index, NumberText.Int(layer.Units), DescribeShape(rows), NumberText.Int(fanIn), Rows(layer.Units)));
                return null;
            }
            for (int r = 0; r < rows.Length; r++)
            {
                bool any = false;
                foreach (bool bit in rows[r]) any |= bit;
                if (!any) issues.Add(new PlanIssue(Diagnostics.MaskRowEmpty, index, NumberText.Int(r + 1), NumberText.Int(layer.Units), NumberText.Int(r)));
            }
            return rows;
        }

        private static string Rows(int count) => NumberText.Int(count) + (count == 1 ? " row" : " rows");

        private static string DescribeShape(bool[][] rows)
        {
            if (rows.Length == 0) return "no rows";
            var lengths = new List<string>();
            bool same = true;
            foreach (bool[] row in rows)
            {
                lengths.Add(NumberText.Int(row.Length));
                same &= row.Length == rows[0].Length;
            }
            if (same) return Rows(rows.Length) + " of " + NumberText.Int(rows[0].Length) + " characters";
            string last = lengths[lengths.Count - 1];
            lengths.RemoveAt(lengths.Count - 1);
            return Rows(rows.Length) + " of " + string.Join(", ", lengths) + " and " + last + " characters";
        }

        private static int CountConnections(bool[][] mask)
        {
            int count = 0;
            foreach (bool[] row in mask)
            {
                foreach (bool bit in row)
                {
                    if (bit) count++;
                }
            }
            return count;
        }


        /// <summary>The largest .NET array of float or double (Array.MaxLength).</summary>
        private const int MaxArrayLength = 0x7FFFFFC7;
    }
}
