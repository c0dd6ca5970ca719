using System.Linq;

namespace Backprop.Generated.Generator
{
    /// <summary>
    /// Writes the SIMD path of a layer: FMA loops with constant bounds over the row-major weights, guarded by
    /// <c>Vector512.IsHardwareAccelerated</c> and <see cref="Simd.Accelerated"/> (256-bit or 128-bit vectors accelerated;
    /// JIT-time constants, so the paths a machine does not take cost nothing). The forward pass takes one row of W per
    /// output and a block of rows at a time, then sums each row's lanes (horizontal-add trees; SumSixteen for sixteen float rows); backward streams rows:
    /// gW[o] += δz[o]·x and δx += δz[o]·W[o]. The 512-bit paths (<see cref="Wide"/>) are the dense forward, the activation
    /// forward and, in <see cref="TileEmitter"/>, the tile's dense forward and backward; the rest is 256-bit.
    /// </summary>
    internal static class VectorEmitter
    {

        /// <summary>Lanes of a Vector256 of T.</summary>
        public static int Lanes(EmitContext c) => c.Spec.IsDouble ? 4 : 8;

        /// <summary>Whether this layer is a dense one with a SIMD path: a target with VectorMath, no mask, a row at least one vector wide.</summary>
        public static bool Dense(EmitContext c, LayerPlan layer)
            => layer.Kind == LayerKind.Dense && c.Target.HasVectorMath && !layer.Spec.Scalar && layer.Mask is null && layer.FanIn >= Lanes(c);

        /// <summary>
        /// Walks a layer's outputs in blocks of <paramref name="blockVectors"/> vectors of <paramref name="lanes"/>: one block
        /// in braces, or a loop over o when there are several, then the vectors left over in braces of their own.
        /// <paramref name="block"/> writes one block, given its vectors and its first output (a constant, or "o").
        /// </summary>
        public static void Blocks(SourceWriter w, int vectors, int blockVectors, int lanes, System.Action<int, string> block)
        {
            int whole = vectors / blockVectors, rest = vectors % blockVectors, size = blockVectors * lanes;
            if (whole == 1)
            {
                w.Open();
                block(blockVectors, "0");
                w.Close();
            }
            else if (whole > 1)
            {
                w.Open("for (nint o = 0; o < " + EmitContext.Int(whole * size) + "; o += " + EmitContext.Int(size) + ")");
                block(blockVectors, "o");
                w.Close();
            }
            if (rest == 0) return;
            if (whole > 0) w.Line(rest == 1 ? "// the last vector of outputs" : "// the last " + EmitContext.Int(rest) + " vectors of outputs");
            w.Open();
            block(rest, EmitContext.Int(whole * size));
            w.Close();
        }

        /// <summary>
        /// Whether this dense layer packs two rows into a vector, forward and backward: single precision, four inputs, at
        /// least eight outputs (a tiny first layer, 4→8 and the like, too narrow for a vector per row).
        /// </summary>
        public static bool Packed(EmitContext c, LayerPlan layer)
            => layer.Kind == LayerKind.Dense && c.Target.HasVectorMath && !layer.Spec.Scalar && layer.Mask is null && !c.Spec.IsDouble && layer.FanIn == 4 && layer.Units >= 8;

        /// <summary>
        /// The packed forward: x duplicated into both halves of a vector, each vector of W holds two rows, and one
        /// horizontal-add tree sums eight rows at once; rows beyond a multiple of eight are summed one at a time.
        /// </summary>
        public static void DensePackedForward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            int units = layer.Units, whole = units - units % 8;
            string W = EmitContext.Int(layer.WeightOffset), X = EmitContext.At(x.Offset), Z = EmitContext.At(z.Offset);
            w.Open("if (" + Simd.Accelerated + ")");
            w.Line("// SIMD: x in both halves of a vector, two rows of W per vector, eight rows summed by one horizontal-add tree.");
            w.Line(Simd.Ref(c, "w", "_parameters"));
            w.Line(Simd.Ref(c, "v", "_values"));
            w.Line(Simd.Vector128 + "<float> x4 = " + Simd.Load128("v", X) + ";");
            w.Line(Simd.Of(c) + " xx = " + Simd.Vector + ".Create(x4, x4);");
            w.Open("for (int o = 0; o < " + EmitContext.Int(whole) + "; o += 8)");
            w.Line("int row = " + W + " + o * 4;");
            string products = string.Join(", ", Enumerable.Range(0, 4).Select(k => Simd.Load("w", "row" + (k == 0 ? "" : " + " + EmitContext.Int(8 * k))) + " * xx"));
            w.Line(Simd.Of(c) + " sums = " + Simd.Math + ".SumQuads(" + products + ");");
            if (layer.HasBias) w.Line("sums += " + Simd.Load("w", EmitContext.Int(layer.BiasOffset) + " + o") + ";");
            w.Line(Simd.Store("sums", "v", Z + " + o"));
            w.Close();
            if (whole < units)
            {
                w.Open("for (int o = " + EmitContext.Int(whole) + "; o < " + EmitContext.Int(units) + "; o++)");
                w.Line(Simd.Vector128 + "<float> product = " + Simd.Load128("w", W + " + o * 4") + " * x4;");
                w.Line(Simd.Element("v", Z + " + o") + " = " + Simd.Vector128 + ".Sum(product)" + (layer.HasBias ? " + " + Simd.Element("w", EmitContext.Int(layer.BiasOffset) + " + o") : "") + ";");
                w.Close();
            }
            w.Line("return;");
            w.Close();
        }

        /// <summary>
        /// The packed backward (see <see cref="Packed"/>): x in both halves of a vector and two rows of gW and W per vector,
        /// so each row's δz[o] is broadcast to its half by one permutation. gW[o] += δz[o]·x is one FMA per pair of rows;
        /// δx = Wᵀ·δz gathers the even rows in the lower half and the odd rows in the upper, added at the end.
        /// </summary>
        public static void DensePackedBackward(SourceWriter w, EmitContext c, LayerPlan layer, bool parameterGradients, bool inputGradient)
        {
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            int units = layer.Units, whole = units - units % 8;
            string W = EmitContext.Int(layer.WeightOffset), B = EmitContext.Int(layer.BiasOffset), X = EmitContext.At(x.Offset), Z = EmitContext.At(z.Offset);
            const string V128 = Simd.Vector128;
            w.Open("if (" + Simd.Accelerated + ")");
            w.Line("// SIMD: x in both halves of a vector, two rows of " + (parameterGradients ? "gW" : "W") + " per vector; δz[o] broadcast to the half of row o by a permutation.");
            if (inputGradient) w.Line(Simd.Ref(c, "w", "_parameters"));
            if (parameterGradients) w.Line(Simd.Ref(c, "g", "_gradients"));
            if (parameterGradients) w.Line(Simd.Ref(c, "v", "_values"));
            w.Line(Simd.Ref(c, "d", "_deltas"));
            if (parameterGradients)
            {
                w.Line(V128 + "<float> x4 = " + Simd.Load128("v", X) + ";");
                w.Line(Simd.Of(c) + " xx = " + Simd.Vector + ".Create(x4, x4);");
            }
            if (inputGradient) w.Line(Simd.Of(c) + " dxx = " + Simd.Of(c) + ".Zero;   // δx of the even rows in the lower half, of the odd rows in the upper");
            w.Open("for (nint o = 0; o < " + EmitContext.Int(whole) + "; o += 8)");
            w.Line(Simd.Of(c) + " dz = " + Simd.Load("d", Z + " + o") + ";");
            if (parameterGradients && layer.HasBias) w.Line(Simd.Store(Simd.Load("g", B + " + o") + " + dz", "g", B + " + o"));
            for (int k = 0; k < 4; k++)
            {
                string K = EmitContext.Int(k);
                string lo = EmitContext.Int(2 * k), hi = EmitContext.Int(2 * k + 1);
                w.Line(Simd.Of(c) + " d" + K + " = " + Simd.Vector + ".Shuffle(dz, " + Simd.Vector + ".Create(" + string.Join(", ", new[] { lo, lo, lo, lo, hi, hi, hi, hi }) + "));   // δz[o + " + lo + "] ×4, δz[o + " + hi + "] ×4");
                string row = W + " + o * 4" + (k == 0 ? "" : " + " + EmitContext.Int(8 * k));
                if (parameterGradients) w.Line(Simd.Store(Simd.Math + ".MultiplyAdd(d" + K + ", xx, " + Simd.Load("g", row) + ")", "g", row));
                if (inputGradient) w.Line("dxx = " + Simd.Math + ".MultiplyAdd(" + Simd.Load("w", row) + ", d" + K + ", dxx);");
            }
            w.Close();
            if (inputGradient) w.Line(V128 + "<float> dx4 = " + Simd.Vector + ".GetLower(dxx) + " + Simd.Vector + ".GetUpper(dxx);");
            if (whole < units)
            {
                w.Open("for (nint o = " + EmitContext.Int(whole) + "; o < " + EmitContext.Int(units) + "; o++)");
                w.Line("float dv = " + Simd.Element("d", Z + " + o") + ";");
                if (parameterGradients && layer.HasBias) w.Line(Simd.Element("g", B + " + o") + " += dv;");
                if (parameterGradients) w.Line(Simd.Store128(Simd.Load128("g", W + " + o * 4") + " + dv * x4", "g", W + " + o * 4"));
                if (inputGradient) w.Line("dx4 += " + Simd.Load128("w", W + " + o * 4") + " * dv;");
                w.Close();
            }
            if (inputGradient)
            {
                string gradient = layer.AssignsInputGradient ? "dx4" : Simd.Load128("d", X) + " + dx4";
                w.Line(Simd.Store128(gradient, "d", X));
            }
            w.Line("return;");
            w.Close();
        }

        /// <summary>Whether this activation gets a SIMD path.</summary>
        public static bool Activation(EmitContext c, LayerPlan layer)
        {
            if (!c.Target.HasVectorMath || layer.Spec.Scalar || c.Tensor(layer.Output).Width < Lanes(c)) return false;
            switch (layer.Kind)
            {
                case LayerKind.ReLU:
                case LayerKind.LeakyReLU:
                case LayerKind.Identity:
                    return true;
                case LayerKind.Tanh:
                case LayerKind.Sigmoid:
                    return true;   // forward in float uses VectorMath; in double, System.Math (see ActivationForward)
                default:
                    return false;
            }
        }


        /// <summary>
        /// Whether this dense layer also gets a 512-bit path (tried first, where the processor runs Vector512): a SIMD layer
        /// (<see cref="Dense"/>) whose rows are a whole number of 512-bit vectors, so the wide loop leaves no inputs over.
        /// </summary>
        public static bool Wide(EmitContext c, LayerPlan layer)
            => Dense(c, layer) && layer.FanIn % VectorWidth.Wide.Lanes(c) == 0 && WrittenWide(c, layer.Input);

        /// <summary>
        /// Whether a tensor's whole 512-bit vectors, from its start, are stored 512 bits at a time in the one-sample pass
        /// (or, for the network input, copied in as one block), so a layer may read it with 512-bit loads: a load that spans several narrower stores still in
        /// flight cannot take its data from them and waits until they reach the cache, which in a one-sample pass costs
        /// more than the wider arithmetic saves (a 16→32→32→4 forward ran 10% slower). Dense layers on the 512-bit path
        /// store their outputs 16 rows (float) at a time; an activation stores as wide as it loads.
        /// </summary>
        private static bool WrittenWide(EmitContext c, int tensor)
        {
            if (tensor == 0) return true;
            LayerPlan? producer = c.Plan.Layers.FirstOrDefault(l => l.Output == tensor);
            if (producer is null) return false;
            if (producer.Kind == LayerKind.Dense) return Wide(c, producer);
            return ActivationWidths(c, producer).Length == 2;
        }

        /// <summary>The widths of a dense layer's SIMD paths, in the order generated code tries them.</summary>
        public static VectorWidth[] Widths(EmitContext c, LayerPlan layer)
            => Wide(c, layer) ? new[] { VectorWidth.Wide, VectorWidth.Narrow } : new[] { VectorWidth.Narrow };

        /// <summary>The SIMD forward of a dense layer: a 512-bit path where <see cref="Wide"/>, then the 256-bit one.</summary>
        public static void DenseForward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            foreach (VectorWidth width in Widths(c, layer)) DenseForward(w, c, layer, width);
        }

        /// <summary>
        /// One width's forward: blocks of rows, each accumulating a vector of <paramref name="width"/> per step along the
        /// row. At 256 bits a block is <see cref="Lanes"/> rows summed by one horizontal-add tree. At 512 bits a block is 16
        /// float rows summed by <c>VectorMath.SumSixteen</c> (8 double rows: accumulators folded to 256 bits, two trees),
        /// stored as one 512-bit vector for the wide loads of the next layer (<see cref="WrittenWide"/>), and one 256-bit
        /// block of rows may follow; then the last rows, by one tree.
        /// </summary>
        private static void DenseForward(SourceWriter w, EmitContext c, LayerPlan layer, VectorWidth width)
        {
            int rows = Lanes(c), step = width.Lanes(c), fanIn = layer.FanIn, units = layer.Units, full = fanIn - fanIn % step;
            int trees = width.Bits / VectorWidth.Narrow.Bits, block = trees * rows;
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            string F = EmitContext.Int(fanIn), W = EmitContext.Int(layer.WeightOffset), X = EmitContext.At(x.Offset), Z = EmitContext.At(z.Offset);
            string V = width.Of(c);
            w.Open("if (" + width.Accelerated + ")");
            w.Line("// SIMD: " + EmitContext.Int(block) + " rows of W at a time, " + EmitContext.Int(step) + " inputs per FMA; each row's lanes summed at the end.");
            w.Line(Simd.Ref(c, "w", "_parameters"));
            w.Line(Simd.Ref(c, "v", "_values"));
            if (units >= rows || units % rows == 1) w.Line("int o = 0;");
            if (units >= block)
            {
                w.Open("for (; o <= " + EmitContext.Int(units - block) + "; o += " + EmitContext.Int(block) + ")");
                RowBlock(w, c, layer, width, trees);
                w.Close();
            }
            if (units % block >= rows)
            {
                w.Line("// the next " + EmitContext.Int(rows) + " rows");
                w.Open();
                RowBlock(w, c, layer, width, 1);
                w.Line("o += " + EmitContext.Int(rows) + ";");
                w.Close();
            }
            int tail = units % rows;
            if (tail == 1)
            {
                w.Line("// the last row");
                w.Line("int last = " + W + " + o * " + F + ";");
                w.Line(V + " acc = " + width.Zero(c) + ";");
                w.Line("for (int i = 0; i < " + EmitContext.Int(full) + "; i += " + EmitContext.Int(step) + ") acc = " + Simd.Math + ".MultiplyAdd(" + width.Load("w", "last + i") + ", " + width.Load("v", X + " + i") + ", acc);");
                w.Line(c.T + " sum = " + width.Type + ".Sum(acc)" + (layer.HasBias ? " + " + Simd.Element("w", EmitContext.Int(layer.BiasOffset) + " + o") : "") + ";");
                if (full < fanIn) w.Line(RestOfRow(c, layer, full, "sum", "last", X));
                w.Line(Simd.Element("v", Z + " + o") + " = sum;");
            }
            else if (tail > 1)
            {
                // The last rows share one horizontal-add tree (lanes beyond them sum zeros): up to four float rows a tree of
                // four giving a 128-bit vector, else of eight. Their sums are stored one by one, as a vector store would run
                // past the tensor.
                int first = units - tail;
                bool four = !c.Spec.IsDouble && tail <= 4;
                int treeRows = four ? 4 : rows;
                w.Line("// the last " + EmitContext.Int(tail) + " rows, summed by one horizontal-add tree");
                w.Line("int last = " + W + " + " + EmitContext.Int(first) + " * " + F + ";");
                for (int r = 0; r < tail; r++) w.Line(V + " tail" + EmitContext.Int(r) + " = " + width.Zero(c) + ";");
                w.Open("for (int i = 0; i < " + EmitContext.Int(full) + "; i += " + EmitContext.Int(step) + ")");
                w.Line(V + " xv = " + width.Load("v", X + " + i") + ";");
                for (int r = 0; r < tail; r++)
                {
                    w.Line("tail" + EmitContext.Int(r) + " = " + Simd.Math + ".MultiplyAdd(" + width.Load("w", "last + " + EmitContext.Int(r * fanIn) + " + i") + ", xv, tail" + EmitContext.Int(r) + ");");
                }
                w.Close();
                string tree = string.Join(", ", Enumerable.Range(0, treeRows).Select(r => r < tail ? width.Fold("tail" + EmitContext.Int(r)) : Simd.Of(c) + ".Zero"));
                string sumsType = four ? Simd.Vector128 + "<float>" : Simd.Of(c);
                string sumsOf = four ? Simd.Vector128 : Simd.Vector;
                w.Line(sumsType + " tailSums = " + Simd.Math + (four ? ".SumFour(" : ".SumEach(") + tree + ");");
                for (int r = 0; r < tail; r++)
                {
                    string index = EmitContext.Int(first + r);
                    w.Line(c.T + " sum" + EmitContext.Int(r) + " = " + sumsOf + ".GetElement(tailSums, " + EmitContext.Int(r) + ")" + (layer.HasBias ? " + " + Simd.Element("w", EmitContext.Int(layer.BiasOffset + first + r)) : "") + ";");
                    if (full < fanIn) w.Line(RestOfRow(c, layer, full, "sum" + EmitContext.Int(r), "last + " + EmitContext.Int(r * fanIn), X));
                    w.Line(Simd.Element("v", Z + " + " + index) + " = sum" + EmitContext.Int(r) + ";");
                }
            }
            w.Line("return;");
            w.Close();
        }

        /// <summary>
        /// The SIMD backward: with <paramref name="parameterGradients"/> gW[o] += δz[o]·x (and the bias), with
        /// <paramref name="inputGradient"/> δx += δz[o]·W[o]; at least one of them.
        /// </summary>
        public static void DenseBackward(SourceWriter w, EmitContext c, LayerPlan layer, bool parameterGradients, bool inputGradient)
        {
            int lanes = Lanes(c), fanIn = layer.FanIn, full = fanIn - fanIn % lanes, vectors = full / lanes;
            TensorPlan x = c.Tensor(layer.Input), z = c.Tensor(layer.Output);
            string F = EmitContext.Int(fanIn), W = EmitContext.Int(layer.WeightOffset), X = EmitContext.At(x.Offset), Z = EmitContext.At(z.Offset);
            string U = EmitContext.Int(layer.Units);
            string kept = parameterGradients && inputGradient ? "x and δx" : parameterGradients ? "x" : "δx";
            string streamed = parameterGradients && inputGradient ? "gW[o] += δz[o]·x and δx += δz[o]·W[o]" : parameterGradients ? "gW[o] += δz[o]·x" : "δx += δz[o]·W[o]";
            w.Open("if (" + Simd.Accelerated + ")");
            w.Line("// SIMD, " + EmitContext.Int(ChunkVectors * lanes) + " inputs at a time: that part of " + kept + " stays in registers while every row o of W");
            w.Line("// streams past: " + streamed + "." + (inputGradient ? "" : " The network input needs no gradient in training."));
            if (inputGradient) w.Line(Simd.Ref(c, "w", "_parameters"));
            if (parameterGradients) w.Line(Simd.Ref(c, "g", "_gradients"));
            if (parameterGradients) w.Line(Simd.Ref(c, "v", "_values"));
            w.Line(Simd.Ref(c, "d", "_deltas"));
            if (parameterGradients && layer.HasBias) BiasGradient(w, c, layer, new[] { Z });
            RowChunks(w, c, layer, vectors, parameterGradients, inputGradient, (k, at) =>
            {
                if (parameterGradients) w.Line(Simd.Store(Simd.Math + ".MultiplyAdd(dv, x" + k + ", " + Simd.Load("g", at) + ")", "g", at));
                if (inputGradient) w.Line("dx" + k + " = " + Simd.Math + ".MultiplyAdd(" + Simd.Load("w", at) + ", dv, dx" + k + ");");
            });
            if (inputGradient && layer.AssignsInputGradient && full < fanIn) w.Line("for (int i = " + EmitContext.Int(full) + "; i < " + F + "; i++) " + Simd.Element("d", X + " + i") + " = " + c.Lit(0) + ";");
            if (full < fanIn)
            {
                w.Open("for (int o = 0; o < " + U + "; o++)");
                w.Line(c.T + " delta = " + Simd.Element("d", Z + " + o") + ";");
                w.Line("int row = " + W + " + o * " + F + ";");
                w.Open("for (int i = " + EmitContext.Int(full) + "; i < " + F + "; i++)");
                if (parameterGradients) w.Line(Simd.Element("g", "row + i") + " += delta * " + Simd.Element("v", X + " + i") + ";");
                if (inputGradient) w.Line(Simd.Element("d", X + " + i") + " += " + Simd.Element("w", "row + i") + " * delta;");
                w.Close();
                w.Close();
            }
            w.Line("return;");
            w.Close();
        }

        /// <summary>
        /// gb += the sum of δz over samples whose δz start at <paramref name="deltas"/> (offsets from the ref named
        /// <paramref name="reference"/>, d for _deltas), a vector of outputs at a time, then one output at a time. Needs ref g.
        /// </summary>
        public static void BiasGradient(SourceWriter w, EmitContext c, LayerPlan layer, string[] deltas, string reference = "d")
        {
            int lanes = Lanes(c), units = layer.Units, whole = units - units % lanes;
            string B = EmitContext.Int(layer.BiasOffset);
            w.Open();
            w.Line("int o = 0;");
            if (whole > 0)
            {
                string sum = string.Join(" + ", deltas.Select(at => Simd.Load(reference, at + " + o")));
                w.Line("for (; o < " + EmitContext.Int(whole) + "; o += " + EmitContext.Int(lanes) + ") " + Simd.Store(Simd.Load("g", B + " + o") + " + (" + sum + ")", "g", B + " + o"));
            }
            if (whole < units)
            {
                w.Line("for (; o < " + EmitContext.Int(units) + "; o++) " + Simd.Element("g", B + " + o") + " += " + string.Join(" + ", deltas.Select(at => Simd.Element(reference, at + " + o"))) + ";");
            }
            w.Close();
        }

        /// <summary>Vectors of inputs a backward chunk keeps in registers.</summary>
        public const int ChunkVectors = 4;

        /// <summary>
        /// The loop shape of the backward passes: the first <paramref name="vectors"/> vectors of inputs in chunks of
        /// <see cref="ChunkVectors"/>; for each chunk, x (with <paramref name="loadX"/>) and δx (with
        /// <paramref name="inputGradient"/>: zeroed or loaded) stay in registers while every row o of W streams past as
        /// dv = δz[o] broadcast and row = the row's offset at the chunk; <paramref name="body"/> writes the work on vector k
        /// (its number, and its offset in W); δx is stored after the rows. Needs refs v (x) and d (δz, δx).
        /// </summary>
        public static void RowChunks(SourceWriter w, EmitContext c, LayerPlan layer, int vectors, bool loadX, bool inputGradient, System.Action<string, string> body)
        {
            int lanes = Lanes(c), chunks = vectors / ChunkVectors, rest = vectors % ChunkVectors;
            if (chunks > 0)
            {
                w.Open("for (nint i = 0; i < " + EmitContext.Int(chunks * ChunkVectors * lanes) + "; i += " + EmitContext.Int(ChunkVectors * lanes) + ")");
                RowChunk(w, c, layer, ChunkVectors, loadX, inputGradient, body);
                w.Close();
            }
            if (rest > 0)
            {
                w.Open();
                w.Line("const int i = " + EmitContext.Int(chunks * ChunkVectors * lanes) + ";");
                RowChunk(w, c, layer, rest, loadX, inputGradient, body);
                w.Close();
            }
        }

        private static void RowChunk(SourceWriter w, EmitContext c, LayerPlan layer, int count, bool loadX, bool inputGradient, System.Action<string, string> body)
        {
            int lanes = Lanes(c);
            string X = EmitContext.At(c.Tensor(layer.Input).Offset), Z = EmitContext.At(c.Tensor(layer.Output).Offset);
            for (int k = 0; k < count; k++)
            {
                string offset = "i" + (k == 0 ? "" : " + " + EmitContext.Int(k * lanes));
                string n = EmitContext.Int(k);
                if (loadX) w.Line(Simd.Of(c) + " x" + n + " = " + Simd.Load("v", X + " + " + offset) + ";");
                if (inputGradient) w.Line(Simd.Of(c) + " dx" + n + " = " + (layer.AssignsInputGradient ? Simd.Of(c) + ".Zero" : Simd.Load("d", X + " + " + offset)) + ";");
            }
            w.Open("for (int o = 0; o < " + EmitContext.Int(layer.Units) + "; o++)");
            w.Line(Simd.Of(c) + " dv = " + Simd.Broadcast("d", Z + " + o") + ";");
            w.Line("nint row = " + EmitContext.Int(layer.WeightOffset) + " + o * " + EmitContext.Int(layer.FanIn) + " + i;");
            for (int k = 0; k < count; k++) body(EmitContext.Int(k), "row" + (k == 0 ? "" : " + " + EmitContext.Int(k * lanes)));
            w.Close();
            for (int k = 0; k < count && inputGradient; k++)
            {
                w.Line(Simd.Store("dx" + EmitContext.Int(k), "d", X + " + i" + (k == 0 ? "" : " + " + EmitContext.Int(k * lanes))));
            }
        }

        /// <summary>
        /// One block of the forward at row o: <paramref name="trees"/> × <see cref="Lanes"/> rows, each accumulating along its
        /// row in vectors of <paramref name="width"/>, summed into one vector of <paramref name="trees"/> × 256 bits (one
        /// horizontal-add tree per 256 bits, or SumSixteen for sixteen floats), the bias added, stored at z[o].
        /// </summary>
        private static void RowBlock(SourceWriter w, EmitContext c, LayerPlan layer, VectorWidth width, int trees)
        {
            int rows = Lanes(c), count = trees * rows, step = width.Lanes(c), fanIn = layer.FanIn, full = fanIn - fanIn % step;
            string F = EmitContext.Int(fanIn), X = EmitContext.At(c.Tensor(layer.Input).Offset), Z = EmitContext.At(c.Tensor(layer.Output).Offset);
            VectorWidth sumsWidth = trees == 1 ? VectorWidth.Narrow : VectorWidth.Wide;
            w.Line("nint row = " + EmitContext.Int(layer.WeightOffset) + " + o * " + F + ";");
            for (int r = 0; r < count; r++) w.Line(width.Of(c) + " acc" + EmitContext.Int(r) + " = " + width.Zero(c) + ";");
            w.Open("for (nint i = 0; i < " + EmitContext.Int(full) + "; i += " + EmitContext.Int(step) + ")");
            w.Line(width.Of(c) + " xv = " + width.Load("v", X + " + i") + ";");
            for (int r = 0; r < count; r++)
            {
                string rowOffset = r == 0 ? "row + i" : "row + " + EmitContext.Int(r * fanIn) + " + i";
                w.Line("acc" + EmitContext.Int(r) + " = " + Simd.Math + ".MultiplyAdd(" + width.Load("w", rowOffset) + ", xv, acc" + EmitContext.Int(r) + ");");
            }
            w.Close();
            string sums;
            if (trees == 2 && !c.Spec.IsDouble)
            {
                sums = SumSixteenRows(Enumerable.Range(0, 16).Select(r => "acc" + EmitContext.Int(r)).ToArray());
            }
            else
            {
                string[] tree = Enumerable.Range(0, trees)
                    .Select(t => Simd.Math + ".SumEach(" + string.Join(", ", Enumerable.Range(t * rows, rows).Select(r => width.Fold("acc" + EmitContext.Int(r)))) + ")")
                    .ToArray();
                sums = trees == 1 ? tree[0] : sumsWidth.Type + ".Create(" + string.Join(", ", tree) + ")";
            }
            w.Line(sumsWidth.Of(c) + " sums = " + sums + ";");
            if (layer.HasBias) w.Line("sums += " + sumsWidth.Load("w", EmitContext.Int(layer.BiasOffset) + " + o") + ";");
            w.Line(sumsWidth.Store("sums", "v", Z + " + o"));
            if (full < fanIn)
            {
                w.Line("// the last " + EmitContext.Int(fanIn - full) + " inputs of each row, one at a time");
                w.Open("for (int r = 0; r < " + EmitContext.Int(count) + "; r++)");
                w.Line(c.T + " rest = " + c.Lit(0) + ";");
                w.Line(RestOfRow(c, layer, full, "rest", "row + r * " + F, X));
                w.Line(Simd.Element("v", Z + " + o + r") + " += rest;");
                w.Close();
            }
        }

        /// <summary>
        /// VectorMath.SumSixteen of sixteen float rows' accumulators, its lanes the rows' sums in the order given: the
        /// transpose-and-add network returns position 4j + k's sum in lane 4k + j, so row 4k + j goes in position 4j + k.
        /// </summary>
        public static string SumSixteenRows(string[] rows)
            => Simd.Math + ".SumSixteen(" + string.Join(", ", Enumerable.Range(0, 16).Select(p => rows[4 * (p % 4) + p / 4])) + ")";

        /// <summary>
        /// The statement adding a row's inputs past its last whole vector to <paramref name="sum"/>, one at a time through
        /// the refs w (weights) and v (values): Σ W[row + i]·x[x + i] for i from <paramref name="full"/> (where the caller's vector
        /// loop stopped) to the fan-in.
        /// </summary>
        public static string RestOfRow(EmitContext c, LayerPlan layer, int full, string sum, string row, string x)
        {
            int fanIn = layer.FanIn;
            return "for (int i = " + EmitContext.Int(full) + "; i < " + EmitContext.Int(fanIn) + "; i++) " + sum + " += " + Simd.Element("w", row + " + i") + " * " + Simd.Element("v", x + " + i") + ";";
        }

        /// <summary>The expression of an activation of <paramref name="x"/>, a vector of <paramref name="width"/>, or null when it has none in this precision.</summary>
        public static string? ActivationValue(EmitContext c, LayerPlan layer, VectorWidth width, string x = "xv")
        {
            string V = width.Type, zero = width.Zero(c);
            switch (layer.Kind)
            {
                // A select, not Max: the same as the scalar path for NaN, and cheaper than an IEEE Max.
                case LayerKind.ReLU: return V + ".ConditionalSelect(" + V + ".GreaterThan(" + x + ", " + zero + "), " + x + ", " + zero + ")";
                case LayerKind.LeakyReLU: return V + ".ConditionalSelect(" + V + ".GreaterThan(" + x + ", " + zero + "), " + x + ", " + x + " * " + c.Lit(layer.Spec.Parameter) + ")";
                case LayerKind.Identity: return x;
                // Double networks keep System.Math for tanh and σ: full double precision.
                case LayerKind.Tanh: return c.Spec.IsDouble ? null : Simd.Math + ".Tanh(" + x + ")";
                case LayerKind.Sigmoid: return c.Spec.IsDouble ? null : Simd.Math + ".Sigmoid(" + x + ")";
                default: return null;
            }
        }

        /// <summary>The 256-bit expression of an activation's gradient δy ⊙ f' from dy (and xv or yv), or null when it has none.</summary>
        private static string? GradientValue(EmitContext c, LayerPlan layer)
        {
            string V = Simd.Vector, zero = Simd.Of(c) + ".Zero", one = Simd.Of(c) + ".One";
            switch (layer.Kind)
            {
                case LayerKind.ReLU: return V + ".ConditionalSelect(" + V + ".GreaterThan(xv, " + zero + "), dy, " + zero + ")";
                case LayerKind.LeakyReLU: return V + ".ConditionalSelect(" + V + ".GreaterThan(xv, " + zero + "), dy, dy * " + c.Lit(layer.Spec.Parameter) + ")";
                case LayerKind.Identity: return "dy";
                case LayerKind.Tanh: return "dy * (" + one + " - yv * yv)";
                case LayerKind.Sigmoid: return "dy * yv * (" + one + " - yv)";
                default: return null;
            }
        }

        /// <summary>
        /// The widths of an activation's forward loops, in the order generated code tries them: 512 bits first where it has
        /// a vector form, the tensor holds at least one 512-bit vector and its input was stored 512 bits at a time
        /// (<see cref="WrittenWide"/>), then 256 bits from where the wide loop stopped.
        /// </summary>
        private static VectorWidth[] ActivationWidths(EmitContext c, LayerPlan layer)
            => Activation(c, layer) && ActivationValue(c, layer, VectorWidth.Wide) != null && c.Tensor(layer.Output).Width >= VectorWidth.Wide.Lanes(c) && WrittenWide(c, layer.Input)
                ? new[] { VectorWidth.Wide, VectorWidth.Narrow }
                : new[] { VectorWidth.Narrow };

        /// <summary>
        /// Writes "int start = 0;" and, when the activation has a SIMD form in this precision, a vector loop per width over
        /// the whole vectors from start, each setting start past them (or returning, when they are the whole tensor); the
        /// scalar loop that follows runs from start. The caller has checked <see cref="Activation"/>.
        /// </summary>
        public static void ActivationForward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            w.Line("int start = 0;");
            TensorPlan x = c.Tensor(layer.Input), y = c.Tensor(layer.Output);
            VectorWidth[] widths = ActivationWidths(c, layer);
            foreach (VectorWidth width in widths)
            {
                string? value = ActivationValue(c, layer, width);
                if (value is null) return;
                ActivationLoop(w, c, y.Width, width, FromZero(c, y.Width, width, widths), needsValues: true, needsDeltas: false, i =>
                {
                    w.Line(width.Of(c) + " xv = " + width.Load("v", EmitContext.At(x.Offset) + " + " + i) + ";");
                    w.Line(width.Store(value, "v", EmitContext.At(y.Offset) + " + " + i));
                });
            }
        }

        /// <summary>As <see cref="ActivationForward"/>, for the gradient: δx (=|+=) δy ⊙ f' (the caller has checked <see cref="Activation"/>).</summary>
        public static void ActivationBackward(SourceWriter w, EmitContext c, LayerPlan layer)
        {
            w.Line("int start = 0;");
            TensorPlan x = c.Tensor(layer.Input), y = c.Tensor(layer.Output);
            bool usesX = layer.Kind == LayerKind.ReLU || layer.Kind == LayerKind.LeakyReLU;
            bool usesY = layer.Kind == LayerKind.Tanh || layer.Kind == LayerKind.Sigmoid;
            // 256 bits only: in the one-sample backward δy comes from the layer above, whose backward stores 256 bits at a
            // time (see WrittenWide); a 256-bit load within a wider store (the tile's backward) is forwarded from it.
            string? gradient = GradientValue(c, layer);
            if (gradient is null) return;
            ActivationLoop(w, c, y.Width, VectorWidth.Narrow, fromZero: true, usesX || usesY, needsDeltas: true, i =>
            {
                string dx = EmitContext.At(x.Offset) + " + " + i;
                if (usesX) w.Line(Simd.Of(c) + " xv = " + Simd.Load("v", EmitContext.At(x.Offset) + " + " + i) + ";");
                if (usesY) w.Line(Simd.Of(c) + " yv = " + Simd.Load("v", EmitContext.At(y.Offset) + " + " + i) + ";");
                w.Line(Simd.Of(c) + " dy = " + Simd.Load("d", EmitContext.At(y.Offset) + " + " + i) + ";");
                w.Line(Simd.Store(layer.AssignsInputGradient ? gradient : Simd.Load("d", dx) + " + " + gradient, "d", dx));
            });
        }

        /// <summary>
        /// Whether a width's loop starts at 0: it is the first tried, or the one before it covers the whole tensor (and
        /// returns), so this one runs only where that one does not, and start is still 0.
        /// </summary>
        private static bool FromZero(EmitContext c, int count, VectorWidth width, VectorWidth[] widths)
            => width == widths[0] || count % widths[0].Lanes(c) == 0;

        /// <summary>
        /// One width's loop of an activation over the whole vectors of a tensor of <paramref name="count"/> elements: from 0
        /// (<see cref="FromZero"/>) or from start, the body written for the element offset "i"; then return, when the vectors
        /// are the whole tensor, or start set past them.
        /// </summary>
        private static void ActivationLoop(SourceWriter w, EmitContext c, int count, VectorWidth width, bool fromZero, bool needsValues, bool needsDeltas, System.Action<string> body)
        {
            int lanes = width.Lanes(c), full = count - count % lanes;
            w.Open("if (" + width.Accelerated + ")");
            if (needsValues) w.Line(Simd.Ref(c, "v", "_values"));
            if (needsDeltas) w.Line(Simd.Ref(c, "d", "_deltas"));
            w.Open("for (int i = " + (fromZero ? "0" : "start") + "; i < " + EmitContext.Int(full) + "; i += " + EmitContext.Int(lanes) + ")");
            body("i");
            w.Close();
            // All in vectors: return before the scalar loop's spans (their construction checks bounds at run time).
            w.Line(full == count ? "return;" : "start = " + EmitContext.Int(full) + ";");
            w.Close();
        }
    }
}
