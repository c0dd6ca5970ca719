namespace Backprop.Generated
{
    /// <summary>How a dense layer's parameters start. Every scheme is deterministic for a given constructor seed.</summary>
    public enum Initializer
    {
        /// <summary>
        /// PyTorch's default for <c>torch.nn.Linear</c>: W and b from U(−1/√fan_in, 1/√fan_in).
        /// </summary>
        PyTorchDefault = 0,

        /// <summary>Glorot/Xavier uniform: W from U(−a, a), a = √(6/(fan_in + fan_out)); b = 0.</summary>
        XavierUniform = 1,

        /// <summary>Glorot/Xavier normal: W from N(0, 2/(fan_in + fan_out)); b = 0.</summary>
        XavierNormal = 2,

        /// <summary>He/Kaiming uniform for ReLU: W from U(−a, a), a = √(6/fan_in); b = 0.</summary>
        KaimingUniform = 3,

        /// <summary>He/Kaiming normal for ReLU: W from N(0, 2/fan_in); b = 0.</summary>
        KaimingNormal = 4,

        /// <summary>W = 0 and b = 0 (for tests, or layers whose weights are loaded).</summary>
        Zeros = 5,
    }
}
