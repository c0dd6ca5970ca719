using System.Collections.Generic;
using System.Linq;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes the nested class Inference: a copy of a network's parameters for the forward pass only, and the network's
    /// private methods it runs. A dense layer whose W does not fit L1 streams all of W from L2 on every sample; from the
    /// row-major W each vector of a row is multiplied by its vector of x, and those two streams compete (784→128: 2.6–3.7 µs
    /// against 1.8 µs for a plain read of W). Read input-major, each input k is one broadcast and the weights of a block of
    /// outputs for k are contiguous vectors adding to whole vectors of outputs: one sequential stream, no sums across lanes
    /// (1.8 µs). A trainable network cannot keep such a copy: its parameters can be written through Parameters at any time,
    /// and checking them costs more than the read it saves. An Inference owns its copy, exposes it read-only, and packs it
    /// again only when CopyFrom replaces it.
    /// </summary>
    internal static class InferenceEmitter
    {
        public const string ClassName = "Inference";

        /// <summary>The field holding the input-major copies of the packed layers' weights, layer after layer, from <see cref="StartField"/>.</summary>
        public const string PackedField = "_inputMajorWeights";

        /// <summary>The field holding the index in <see cref="PackedField"/> where the copies start: the first on a 64-byte boundary.</summary>
        public const string StartField = "_inputMajorStart";

        /// <summary>The smallest W (in bytes) that is packed: above this it no longer stays in L1 (48 KB here) with the rest.</summary>
        private const int MinBytes = 32 * 1024;

        /// <summary>Vectors of outputs per block: eight accumulators, a sequential stream of eight vectors per input.</summary>
        private const int BlockVectors = 8;

        /// <summary>
        /// Whether Inference reads this layer input-major: a SIMD dense layer (no mask, not scalar) with at least a 256-bit
        /// vector of outputs and a W larger than <see cref="MinBytes"/>.
        /// </summary>
        public static bool Applies(EmitContext c, LayerPlan layer)
            => VectorEmitter.Dense(c, layer) && layer.Units >= VectorWidth.Narrow.Lanes(c) && (long)layer.Units * layer.FanIn * Bytes(c) > MinBytes;

        /// <summary>
        /// The rows packed: the whole 256-bit vectors of outputs. The rest, fewer than a vector (784→100: 4), are summed
        /// from the row-major W by <see cref="Rest"/>.
        /// </summary>
        private static int PackedRows(EmitContext c, LayerPlan layer) => layer.Units - layer.Units % VectorWidth.Narrow.Lanes(c);

        private static int Bytes(EmitContext c) => c.Spec.IsDouble ? 8 : 4;

        /// <summary>Whether the layer is packed at 512 bits where Vector512 runs: its outputs are whole 512-bit vectors.</summary>
        private static bool Wide(EmitContext c, LayerPlan layer) => PackedRows(c, layer) % VectorWidth.Wide.Lanes(c) == 0;

        /// <summary>The packed layers, in order: none in an abstract class, which gets no Inference.</summary>
        public static IEnumerable<LayerPlan> Layers(EmitContext c) => c.Spec.IsAbstract ? Enumerable.Empty<LayerPlan>() : c.Plan.Layers.Where(layer => Applies(c, layer));

        public static bool Any(EmitContext c) => Layers(c).Any();

        /// <summary>A layer's packed W in elements, rounded up to whole cache lines so that the next one starts on a line too.</summary>
        private static int Padded(EmitContext c, LayerPlan layer)
        {
            int line = 64 / Bytes(c), size = PackedRows(c, layer) * layer.FanIn;
            return (size + line - 1) / line * line;
        }

        /// <summary>The elements of <see cref="PackedField"/> from <see cref="StartField"/>: every packed W, each from a cache line.</summary>
        private static int Size(EmitContext c) => Layers(c).Sum(layer => Padded(c, layer));

        /// <summary>Where a layer's packed W starts, from <see cref="StartField"/>: a multiple of a cache line.</summary>
        private static int Offset(EmitContext c, LayerPlan layer) => Layers(c).TakeWhile(l => l != layer).Sum(l => Padded(c, l));

        /// <summary>
        /// Whether the first layer is packed, reads the network input and is its only reader: its kernel then broadcasts each
        /// x[k] from the caller's span, and the input is not copied.
        /// </summary>
        private static bool ReadsInput(EmitContext c)
        {
            return Layers(c).Contains(c.Plan.Layers[0]) && c.Plan.InputReadOnlyByFirstLayer;
        }

        /// <summary>The declaration of <see cref="PackedField"/>, with the network's storage.</summary>
        public static void Storage(SourceWriter w, EmitContext c)
        {
            if (!Any(c)) return;
            w.Line("// The weights of " + Describe(c) + " input-major, for an Inference's Forward, from the first element on a 64-byte");
            w.Line("// boundary; allocated (pinned, so that boundary stays) when an Inference first packs them.");
            w.Line("private " + c.T + "[]? " + PackedField + ";");
            w.Line("private int " + StartField + ";");
        }

        /// <summary>"layers 0, 2": the layers Inference reads input-major.</summary>
        private static string Describe(EmitContext c) => EmitContext.LayerList(Layers(c));

        /// <summary>The nested class, then the network's methods it calls: PackInputMajor, ForwardInputMajor and a kernel per packed layer.</summary>
        public static void Emit(SourceWriter w, EmitContext c)
        {
            if (c.Spec.IsAbstract) return;
            string name = EmitContext.Identifier(c.Spec.ClassName), T = c.T;
            string span = EmitContext.Span + "<" + T + ">", readOnlySpan = EmitContext.ReadOnlySpan + "<" + T + ">";
            bool any = Any(c);
            w.Line("/// <summary>");
            w.Line("/// A copy of the network's parameters for inference: <see cref=\"Forward\"/> and <see cref=\"ForwardBatch\"/> on them, and nothing");
            w.Line("/// that changes them but <see cref=\"CopyFrom\"/>. Writes to the network's parameters after the copy do not reach it.");
            if (any)
            {
                w.Line("/// Where SIMD runs, it keeps the weights of " + Describe(c) + " (too large for the L1 cache) input-major as well, packed when");
                w.Line("/// copied, so that its one-sample Forward reads them as one sequential stream: the same sums as the network's");
                w.Line("/// Forward, added in another order, so the outputs can differ in the last bits.");
            }
            else w.Line("/// Its Forward is the network's.");
            w.Line("/// Like the network, one instance serves one thread at a time; each thread can have its own copy.");
            w.Line("/// </summary>");
            w.Open("public sealed class " + ClassName + " : global::Backprop.Generated.IInference<" + T + ">");
            w.Line("// A private instance: its parameters are written only by CopyFrom, so its packed copy cannot go stale.");
            w.Line("private readonly " + name + " _network = new " + name + "(0);");
            w.Line();
            w.Line("/// <summary>Copies <paramref name=\"network\"/>'s current parameters" + (any ? " and packs them" : "") + ".</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"network\"/> is null.</exception>");
            w.Line("public " + ClassName + "(" + name + " network) => CopyFrom(network);");
            w.Line();
            w.Line("/// <summary>Replaces this copy's parameters with <paramref name=\"network\"/>'s current ones" + (any ? " and packs them again" : "") + (TransposedEmitter.Fixed(c) ? ", and takes the Wᵀ that ForwardBatch reads" : "") + ". Allocates nothing.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"network\"/> is null.</exception>");
            w.Open("public void CopyFrom(" + name + " network)");
            w.Line("if (network is null) throw new global::System.ArgumentNullException(nameof(network));");
            w.Line("global::System.Array.Copy(network._parameters, _network._parameters, ParameterCount);");
            if (any) w.Line("_network.PackInputMajor();");
            if (TransposedEmitter.Fixed(c))
            {
                w.Line("// Wᵀ for ForwardBatch, taken here once: nothing else changes these parameters, so its batches need not compare them.");
                w.Line("if (" + VectorWidth.Wide.Accelerated + ") _network.TransposeWeights();");
                w.Line("_network." + TransposedEmitter.FixedField + " = true;");
            }
            w.Close();
            w.Line();
            w.Line("/// <summary>Features per input sample.</summary>");
            w.Line("public int InputSize => " + name + ".InputSize;");
            w.Line("/// <summary>Values per output sample.</summary>");
            w.Line("public int OutputSize => " + name + ".OutputSize;");
            w.Line();
            w.Line("/// <summary>The copied parameters, laid out as the network's <see cref=\"" + name + ".Parameters\"/>.</summary>");
            w.Line("public " + readOnlySpan + " Parameters => _network._parameters;");
            w.Line();
            w.Line("/// <summary>Computes the output for one sample" + (c.Spec.Loss == LossKind.SoftmaxCrossEntropy ? " (the logits: the loss applies softmax)" : "") + ". Allocates nothing.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not the network's size.</exception>");
            w.Line("public void Forward(" + readOnlySpan + " input, " + span + " output) => _network." + (any ? "ForwardInputMajor" : "Forward") + "(input, output);");
            w.Line();
            w.Line("/// <summary>Computes the outputs of many samples, as the network's <see cref=\"" + name + ".ForwardBatch\"/>" + (TransposedEmitter.Fixed(c) ? ", reading the Wᵀ that CopyFrom took without comparing the weights again" : "") + ". Allocates nothing.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The spans do not hold the same whole number of samples.</exception>");
            w.Line("public void ForwardBatch(" + readOnlySpan + " inputs, " + span + " outputs) => _network.ForwardBatch(inputs, outputs);");
            w.Close();
            w.Line();
            if (!any) return;
            Pack(w, c);
            Forward(w, c);
            foreach (LayerPlan layer in Layers(c)) Kernel(w, c, layer);
        }

        /// <summary>The block of rows a layer is packed in where <paramref name="width"/> runs: <see cref="BlockVectors"/> vectors.</summary>
        private static string Block(EmitContext c, VectorWidth width) => EmitContext.Int(BlockVectors * width.Lanes(c));

        private static void Pack(SourceWriter w, EmitContext c)
        {
            w.Line("// Inference's copy of " + Describe(c) + "'s weights, input-major in blocks of eight vectors of outputs at the width the forward runs.");
            w.Open("private void PackInputMajor()");
            w.Line("if (!(" + Simd.Accelerated + ")) return;");
            w.Open("if (" + PackedField + " is null)");
            w.Line("// A 512-bit load that straddles two cache lines costs two: the copy starts on a line (784→128→10: 2.07 → 1.87 µs a sample).");
            w.Line(PackedField + " = global::System.GC.AllocateUninitializedArray<" + c.T + ">(" + EmitContext.Int(Size(c)) + " + " + EmitContext.Int(64 / Bytes(c)) + ", pinned: true);");
            w.Line("nint address = global::System.Runtime.CompilerServices.Unsafe.ByteOffset(ref global::System.Runtime.CompilerServices.Unsafe.NullRef<" + c.T + ">(), ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(" + PackedField + "));");
            w.Line(StartField + " = (int)((64 - address % 64) % 64 / " + EmitContext.Int(Bytes(c)) + ");");
            w.Close();
            foreach (LayerPlan layer in Layers(c))
            {
                string count = EmitContext.Int(PackedRows(c, layer) * layer.FanIn);
                string block = Wide(c, layer) ? "(" + VectorWidth.Wide.Accelerated + " ? " + Block(c, VectorWidth.Wide) + " : " + Block(c, VectorWidth.Narrow) + ")" : Block(c, VectorWidth.Narrow);
                w.Line(Simd.Math + ".PackInputMajor(new " + EmitContext.ReadOnlySpan + "<" + c.T + ">(_parameters, " + EmitContext.Int(layer.WeightOffset) + ", " + count + "), "
                    + EmitContext.Int(PackedRows(c, layer)) + ", " + EmitContext.Int(layer.FanIn) + ", " + block + ", new " + EmitContext.Span + "<" + c.T + ">(" + PackedField + ", " + StartField + (Offset(c, layer) == 0 ? "" : " + " + EmitContext.Int(Offset(c, layer))) + ", " + count + "));");
            }
            w.Close();
            w.Line();
        }

        private static void Forward(SourceWriter w, EmitContext c)
        {
            NetworkPlan plan = c.Plan;
            bool direct = ReadsInput(c);
            w.Line("// Inference's Forward: " + Describe(c) + " from the input-major copy, the other layers as in RunForward.");
            w.Open("private void ForwardInputMajor(" + EmitContext.ReadOnlySpan + "<" + c.T + "> input, " + EmitContext.Span + "<" + c.T + "> output)");
            w.Line("CheckLength(input.Length, InputSize, nameof(input), \"InputSize\");");
            w.Line("CheckLength(output.Length, OutputSize, nameof(output), \"OutputSize\");");
            w.Open("if (!(" + Simd.Accelerated + "))");
            w.Line("Forward(input, output);");
            w.Line("return;");
            w.Close();
            if (direct) w.Line("// the first layer broadcasts each input from the caller's span, and no other layer reads it: not copied");
            else w.Line(NetworkEmitter.InputCopy(c));
            foreach (LayerPlan layer in plan.Layers)
            {
                string n = EmitContext.Int(layer.Index);
                w.Line(Layers(c).Contains(layer) ? "ForwardInputMajor" + n + "(" + (direct && layer.Index == 0 ? "input" : "") + ");" : "ForwardLayer" + n + "(0);");
            }
            NetworkEmitter.OutputCopy(w, c);
            w.Close();
            w.Line();
        }

        /// <summary>ForwardInputMajor{i}: the layer from its packed W, at 512 bits where Vector512 runs and the outputs are whole 512-bit vectors, else at 256.</summary>
        private static void Kernel(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            bool direct = layer.Index == 0 && ReadsInput(c);
            w.Open("private void ForwardInputMajor" + EmitContext.Int(layer.Index) + "(" + (direct ? EmitContext.ReadOnlySpan + "<" + c.T + "> input" : "") + ")");
            w.Line("// z = W·x + b from W input-major [" + EmitContext.Int(layer.FanIn) + "×" + EmitContext.Int(PackedRows(c, layer)) + "] in blocks of eight vectors of outputs: for each input k,");
            w.Line("// x[k] broadcast times the block's k-th row adds to whole vectors of outputs; each set of accumulators reads one stream.");
            int offset = Offset(c, layer);
            w.Line(Simd.RefAt(c, "t", PackedField + "!", StartField + (offset == 0 ? "" : " + " + EmitContext.Int(offset))));
            w.Line(Simd.Ref(c, "w", "_parameters"));
            w.Line(Simd.Ref(c, "v", "_values"));
            TensorPlan x = c.Tensor(layer.Input);
            if (direct) w.Line("ref " + c.T + " x = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(input);   // InputSize values, checked");
            else w.Line(Simd.RefAt(c, "x", "_values", EmitContext.Int(x.Offset)));
            bool rest = PackedRows(c, layer) < layer.Units;
            if (Wide(c, layer))
            {
                w.Open("if (" + VectorWidth.Wide.Accelerated + ")");
                Blocks(w, c, layer, VectorWidth.Wide);
                if (!rest) w.Line("return;");
                w.Close();
                if (rest) w.Open("else");
            }
            Blocks(w, c, layer, VectorWidth.Narrow);
            if (Wide(c, layer) && rest) w.Close();
            if (rest) Rest(w, c, layer);
            w.Close();
            w.Line();
        }

        /// <summary>
        /// The rows after the packed ones, fewer than a 256-bit vector of them, from the row-major W: each a dot product of
        /// two 256-bit accumulators over the inputs (then one vector, then the inputs left over one at a time), summed
        /// across lanes, then the bias. They are a small part of W (784→100: 4 of 100 rows).
        /// </summary>
        private static void Rest(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            int lanes = VectorWidth.Narrow.Lanes(c), fanIn = layer.FanIn, pairs = fanIn - fanIn % (2 * lanes), from = PackedRows(c, layer);
            string V = Simd.Of(c), z = EmitContext.Int(c.Tensor(layer.Output).Offset);
            w.Line("// rows " + EmitContext.Int(from) + " .. " + EmitContext.Int(layer.Units) + ", fewer than a vector of outputs, from the row-major W");
            w.Open("for (nint r = " + EmitContext.Int(from) + "; r < " + EmitContext.Int(layer.Units) + "; r++)");
            w.Line("nint row = " + (layer.WeightOffset == 0 ? "" : EmitContext.Int(layer.WeightOffset) + " + ") + "r * " + EmitContext.Int(fanIn) + ";");
            w.Line(V + " s0 = " + Simd.Of(c) + ".Zero, s1 = " + Simd.Of(c) + ".Zero;");
            if (pairs > 0)
            {
                w.Open("for (nint k = 0; k < " + EmitContext.Int(pairs) + "; k += " + EmitContext.Int(2 * lanes) + ")");
                w.Line("s0 = " + Simd.Math + ".MultiplyAdd(" + Simd.Load("w", "row + k") + ", " + Simd.Load("x", "k") + ", s0);");
                w.Line("s1 = " + Simd.Math + ".MultiplyAdd(" + Simd.Load("w", "row + k + " + EmitContext.Int(lanes)) + ", " + Simd.Load("x", "k + " + EmitContext.Int(lanes)) + ", s1);");
                w.Close();
            }
            int single = fanIn - pairs >= lanes ? pairs : -1;
            if (single >= 0) w.Line("s0 = " + Simd.Math + ".MultiplyAdd(" + Simd.Load("w", "row + " + EmitContext.Int(single)) + ", " + Simd.Load("x", EmitContext.Int(single)) + ", s0);");
            w.Line(c.T + " sum = " + Simd.Vector + ".Sum(s0 + s1);");
            for (int k = single >= 0 ? single + lanes : pairs; k < fanIn; k++)
                w.Line("sum += " + Simd.Element("w", "row + " + EmitContext.Int(k)) + " * " + Simd.Element("x", EmitContext.Int(k)) + ";");
            w.Line(Simd.Element("v", z + " + r") + " = sum" + (layer.HasBias ? " + " + Simd.Element("w", EmitContext.Int(layer.BiasOffset) + " + r") : "") + ";");
            w.Close();
        }

        /// <summary>The layer's packed rows at one width: whole blocks of <see cref="BlockVectors"/> vectors (in a loop if several), then the rest.</summary>
        private static void Blocks(SourceWriter w, EmitContext c, LayerPlan layer, VectorWidth width)
            => VectorEmitter.Blocks(w, PackedRows(c, layer) / width.Lanes(c), BlockVectors, width.Lanes(c), (vectors, o) => Block(w, c, layer, width, vectors, o));

        /// <summary>
        /// Sets of accumulators for a block of <paramref name="vectors"/> vectors: enough for eight or more multiply-adds in
        /// flight, and at 512 bits at least two, which read W as two streams (each set sums a contiguous range of inputs): a
        /// 784→128 kernel at 512 bits averaged 2.46 against 2.71 µs (stopwatch, 14 alternating runs of 4,000 calls; the fastest
        /// calls alike, 1.85–1.95 µs), the two streams riding out the machine's slow moments better. At 256 bits eight vectors
        /// already take half of AVX2's sixteen registers, and five to seven take one set.
        /// </summary>
        private static int Sets(EmitContext c, LayerPlan layer, VectorWidth width, int vectors)
        {
            int sets = (BlockVectors + vectors - 1) / vectors;
            if (width == VectorWidth.Wide && sets < 2) sets = 2;
            else if (width == VectorWidth.Narrow && vectors >= 5) sets = 1;   // 5–7 chains; two sets would not fit AVX2's registers
            return System.Math.Min(sets, layer.FanIn);
        }

        /// <summary>
        /// One block of <paramref name="vectors"/> vectors of outputs from <paramref name="o"/>. The inputs are split into
        /// <see cref="Sets"/> contiguous ranges, one per set of accumulators, read side by side (the last range takes the
        /// inputs left over); the first set starts from the bias, and the sets are added in order at the end. Constant
        /// bounds throughout.
        /// </summary>
        private static void Block(SourceWriter w, EmitContext c, LayerPlan layer, VectorWidth width, int vectors, string o)
        {
            int lanes = width.Lanes(c), sets = Sets(c, layer, width, vectors), fanIn = layer.FanIn, range = fanIn / sets;
            int stride = vectors * lanes;
            string V = width.Of(c), z = EmitContext.Int(c.Tensor(layer.Output).Offset);
            string Acc(int set, int j) => "acc" + EmitContext.Int(set * vectors + j);
            string Lane(int j) => j == 0 ? "" : " + " + EmitContext.Int(j * lanes);
            string start = o == "0" ? "" : o + " * " + EmitContext.Int(fanIn) + " + ";
            string Ranges() => string.Join(", ", Enumerable.Range(0, sets).Select(set => EmitContext.Int(set * range) + " .. " + EmitContext.Int(set == sets - 1 ? fanIn : (set + 1) * range)));
            w.Line("// " + EmitContext.Int(vectors) + (vectors == 1 ? " vector" : " vectors") + " of outputs" + (sets == 1 ? ", starting from " + (layer.HasBias ? "the bias" : "zero")
                : " × " + EmitContext.Int(sets) + " sets of accumulators over inputs " + Ranges() + ", the first from " + (layer.HasBias ? "the bias" : "zero")));
            for (int j = 0; j < vectors; j++)
                w.Line(V + " " + Acc(0, j) + " = " + (layer.HasBias ? width.Load("w", EmitContext.Int(layer.BiasOffset) + (o == "0" ? "" : " + " + o) + Lane(j)) : width.Zero(c)) + ";");
            for (int set = 1; set < sets; set++)
                w.Line(V + " " + string.Join(", ", Enumerable.Range(0, vectors).Select(j => Acc(set, j) + " = " + width.Zero(c))) + ";");
            w.Open("for (nint k = 0; k < " + EmitContext.Int(range) + "; k++)");
            w.Line("nint row = " + start + "k * " + EmitContext.Int(stride) + ";");
            for (int set = 0; set < sets; set++)
            {
                string k = set == 0 ? "k" : "k + " + EmitContext.Int(set * range);
                string at = set == 0 ? "row" : "row + " + EmitContext.Int(set * range * stride);
                w.Line((set == 0 ? V + " " : "") + "xk = " + width.Broadcast("x", k) + ";");
                for (int j = 0; j < vectors; j++) w.Line(Acc(set, j) + " = " + Simd.Math + ".MultiplyAdd(" + width.Load("t", at + Lane(j)) + ", xk, " + Acc(set, j) + ");");
            }
            w.Close();
            for (int k = sets * range; k < fanIn; k++)
            {
                // the loop's xk is scoped to it: the inputs after it broadcast into xr
                int set = sets - 1;
                w.Line((k == sets * range ? V + " " : "") + "xr = " + width.Broadcast("x", EmitContext.Int(k)) + ";   // input " + EmitContext.Int(k) + ", the last range's rest");
                for (int j = 0; j < vectors; j++) w.Line(Acc(set, j) + " = " + Simd.Math + ".MultiplyAdd(" + width.Load("t", start + EmitContext.Int(k * stride + j * lanes)) + ", xr, " + Acc(set, j) + ");");
            }
            for (int j = 0; j < vectors; j++)
            {
                string sum = string.Join(" + ", Enumerable.Range(0, sets).Select(set => Acc(set, j)));
                w.Line(width.Store(sum, "v", z + (o == "0" ? "" : " + " + o) + Lane(j)));
            }
        }
    }
}
