namespace Backprop.Generated.Generator
{
    /// <summary>How generated code spells its Vector256 operations, the SIMD vocabulary of every emitter (the 512-bit paths spell theirs through <see cref="VectorWidth"/>).</summary>
    internal static class Simd
    {
        public const string Vector = "global::System.Runtime.Intrinsics.Vector256";

        /// <summary>The check that guards the 256-bit paths (see <see cref="VectorWidth.Narrow"/>).</summary>
        public static string Accelerated => VectorWidth.Narrow.Accelerated;

        /// <summary>The 128-bit vector class: a packed layer's four inputs, the sums of a layer's last few rows.</summary>
        public const string Vector128 = "global::System.Runtime.Intrinsics.Vector128";
        public const string Math = "global::Backprop.Generated.VectorMath";
        private const string ArrayData = "global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference";

        /// <summary>The vector type of the network's element type: "Vector256&lt;float&gt;".</summary>
        public static string Of(EmitContext c) => VectorWidth.Narrow.Of(c);

        /// <summary>A load of one vector from <paramref name="reference"/> at an element offset.</summary>
        public static string Load(string reference, string offset) => VectorWidth.Narrow.Load(reference, offset);

        /// <summary>A load of one 128-bit vector (four floats, two doubles) from <paramref name="reference"/> at an element offset.</summary>
        public static string Load128(string reference, string offset) => Vector128 + ".LoadUnsafe(ref " + reference + ", (nuint)(" + offset + "))";

        /// <summary>A statement storing a 128-bit <paramref name="value"/> at an element offset.</summary>
        public static string Store128(string value, string reference, string offset) => Vector128 + ".StoreUnsafe(" + value + ", ref " + reference + ", (nuint)(" + offset + "));";

        /// <summary>
        /// A vector of one element read through a reference, without a bounds check: the generator computed the offset
        /// inside the array, and the reference (unlike the array field) need not be reloaded after a store.
        /// </summary>
        public static string Broadcast(string reference, string offset) => VectorWidth.Narrow.Broadcast(reference, offset);

        /// <summary>
        /// One element through a reference, readable and assignable, without a bounds check (the generator computed the
        /// offset inside the array) and without reloading the array field after a store.
        /// </summary>
        public static string Element(string reference, string offset) => "global::System.Runtime.CompilerServices.Unsafe.Add(ref " + reference + ", " + offset + ")";

        /// <summary>A statement storing <paramref name="value"/> at an element offset.</summary>
        public static string Store(string value, string reference, string offset) => VectorWidth.Narrow.Store(value, reference, offset);

        /// <summary>Declares a reference to the first element of an array: "ref float w = ref GetArrayDataReference(_parameters);".</summary>
        public static string Ref(EmitContext c, string name, string array) => "ref " + c.T + " " + name + " = ref " + ArrayData + "(" + array + ");";

        /// <summary>Declares a reference to an array's element at <paramref name="offset"/> (an expression).</summary>
        public static string RefAt(EmitContext c, string name, string array, string offset)
            => "ref " + c.T + " " + name + " = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref " + ArrayData + "(" + array + "), " + offset + ");";
    }
}
