
namespace Backprop.Generated.Generator
{
    /// <summary>What every part of the emitter shares: the spec, its plan, the target, and how to write numbers and maths in T.</summary>
    internal sealed class EmitContext
    {
        public EmitContext(NetworkSpec spec, NetworkPlan plan, TargetInfo target)
        {
            Spec = spec;
            Plan = plan;
            Target = target;
            T = spec.IsDouble ? "double" : "float";
        }

        public NetworkSpec Spec { get; }

        /// <summary>Whether the network asked for scalar code throughout ([Network(Kernel = Kernel.Scalar)] marks every layer).</summary>
        public bool ScalarNetwork
        {
            get
            {
                foreach (LayerSpec layer in Spec.Layers)
                {
                    if (!layer.Scalar) return false;
                }
                return true;
            }
        }
        public NetworkPlan Plan { get; }
        public TargetInfo Target { get; }

        /// <summary>The element type: float or double.</summary>
        public string T { get; }

        /// <summary>
        /// Marks a method to be compiled fully optimized at its first call, where the target has the attribute (.NET Core
        /// 3.0 and later, so always with VectorMath): the batched paths (ForwardBatch, TrainBatch, their tile kernels),
        /// every layer method too large to inline, Step, the one-sample training step and the loss. Left to tiering, they
        /// ran at Tier0 for the first tenths of a second of a process, and for seconds in some processes, so a batch's
        /// speed depended on the process, by up to 1.5 times. Their code has no branch for a profile to improve. Small
        /// layers and the optimizer's per-layer updates are inlined into their callers instead (an update compiled on its
        /// own, and not inlined, made N3's one-sample training step 669 → 1152 ns); the one-sample forward and backward
        /// entry points stay with tiering, whose profile inlines a small network's layers into one method.
        /// </summary>
        public void Optimized(SourceWriter w)
        {
            if (Target.HasVectorMath) w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        }

        /// <summary>Marks a method to be inlined into its callers: small layers, the length check, the optimizer's per-layer updates.</summary>
        public const string InlineAttribute = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

        public const string Span = "global::System.Span";
        public const string ReadOnlySpan = "global::System.ReadOnlySpan";

        /// <summary>A literal of type T that round-trips exactly: the shortest invariant-culture decimal (<see cref="NumberText"/>).</summary>
        public string Lit(double value)
        {
            if (Spec.IsDouble)
            {
                string text = NumberText.Double(value);
                return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
            }
            return NumberText.Single((float)value) + "f";
        }

        /// <summary>A name as a C# identifier: @-escaped when it is a keyword.</summary>
        public static string Identifier(string name)
            => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

        /// <summary>An integer literal.</summary>
        public static string Int(long value) => NumberText.Int(value);

        /// <summary>A call of a one-argument System.Math function, in T.</summary>
        public string Math(string function, string argument)
        {
            if (Spec.IsDouble) return "global::System.Math." + function + "(" + argument + ")";
            return Target.HasMathF
                ? "global::System.MathF." + function + "(" + argument + ")"
                : "(float)global::System.Math." + function + "(" + argument + ")";
        }

        public string Exp(string x) => Math("Exp", x);
        public string Log(string x) => Math("Log", x);
        public string Sqrt(string x) => Math("Sqrt", x);
        public string Tanh(string x) => Math("Tanh", x);

        public string Max(string a, string b) => "global::System.Math.Max(" + a + ", " + b + ")";

        /// <summary>erf(x) in T.</summary>
        public string Erf(string x) => "global::Backprop.Generated.NetworkMath.Erf(" + x + ")";

        /// <summary>e^x − 1 in T, accurate for small x.</summary>
        public string Expm1(string x) => "global::Backprop.Generated.NetworkMath.Expm1(" + x + ")";

        /// <summary>A span over part of a backing array: "new global::System.Span&lt;float&gt;(_values, 4, 16)".</summary>
        public string SpanOf(string array, int offset, int length, bool readOnly)
            => "new " + (readOnly ? ReadOnlySpan : Span) + "<" + T + ">(" + array + ", " + Int(offset) + ", " + Int(length) + ")";

        /// <summary>
        /// An offset into the per-sample buffers for the sample being processed: "at + 4". Every per-layer method takes
        /// at, where its sample's values start: 0 for one sample; s·ValueCount for sample s of a tile.
        /// </summary>
        public static string At(int offset) => "at + " + Int(offset);

        /// <summary>A span over a tensor in the per-sample buffers, at the current sample: "new Span&lt;float&gt;(_values, at + 4, 16)".</summary>
        public string SpanAt(string array, int offset, int length, bool readOnly)
            => "new " + (readOnly ? ReadOnlySpan : Span) + "<" + T + ">(" + array + ", " + At(offset) + ", " + Int(length) + ")";

        /// <summary>Declares a local span over a tensor's values: "ReadOnlySpan&lt;float&gt; x = ...;".</summary>
        public string ValuesLocal(TensorPlan tensor, bool readOnly)
            => (readOnly ? ReadOnlySpan : Span) + "<" + T + "> " + tensor.Local + " = " + SpanAt("_values", tensor.Offset, tensor.Width, readOnly) + ";";

        /// <summary>Declares a local span over a tensor's gradient: "Span&lt;float&gt; dz0 = ...;".</summary>
        public string DeltasLocal(TensorPlan tensor, bool readOnly)
            => (readOnly ? ReadOnlySpan : Span) + "<" + T + "> " + tensor.DeltaLocal + " = " + SpanAt("_deltas", tensor.Offset, tensor.Width, readOnly) + ";";

        public TensorPlan Tensor(int index) => Plan.Tensors[index];

        /// <summary>"[16×4]" style shape text.</summary>
        public static string Shape(int rows, int columns) => "[" + Int(rows) + "×" + Int(columns) + "]";

        public static string Shape(int length) => "[" + Int(length) + "]";

        /// <summary>"layer 0", "layers 0, 2": the indices of <paramref name="layers"/>, for comments.</summary>
        public static string LayerList(System.Collections.Generic.IEnumerable<LayerPlan> layers)
        {
            var indices = new System.Collections.Generic.List<string>();
            foreach (LayerPlan layer in layers) indices.Add(Int(layer.Index));
            return (indices.Count == 1 ? "layer " : "layers ") + string.Join(", ", indices);
        }
    }
}
