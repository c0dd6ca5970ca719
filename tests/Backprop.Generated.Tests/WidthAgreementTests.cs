using System.Collections.Generic;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;
using Backprop.Generated.Tests.Infrastructure;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary><see cref="WidthAgreement"/> at every vector width this machine has: here, and in child processes with the wider ones turned off.</summary>
    public sealed class WidthAgreementTests
    {
        [Fact]
        public void The_kernels_this_machine_runs_agree_with_the_scalar_ones()
        {
            Assert.True(Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated, "this machine runs the SIMD path; the comparison needs it");
            Assert.Equal(WidthAgreement.Describe(), WidthAgreement.Check());
        }

        [Fact]
        public async Task The_256_bit_kernels_agree_where_512_bit_vectors_are_turned_off()
        {
            // The JIT reports Vector512 as not accelerated below a preferred width of 512 bits; AVX-512's 32 registers stay.
            string output = await ChildProcess.Run("--width-agreement", new Dictionary<string, string> { ["DOTNET_PreferredVectorBitWidth"] = "256" });
            Assert.Equal("SIMD and scalar kernels agree; Vector512: False, AVX-512: " + System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported + ", Vector256: True, Vector128: True", output);
        }

        [Fact]
        public async Task The_AVX2_kernels_agree_where_AVX512_is_turned_off()
        {
            string output = await ChildProcess.Run("--width-agreement", new Dictionary<string, string> { ["DOTNET_EnableAVX512"] = "0" });
            Assert.Equal("SIMD and scalar kernels agree; Vector512: False, AVX-512: False, Vector256: True, Vector128: True", output);
        }

        [Fact]
        public async Task The_256_bit_kernels_agree_where_only_128_bit_vectors_are_accelerated()
        {
            // As on ARM64 and NativeAOT's x64 baseline: the 256-bit paths still run, each operation as two 128-bit ones,
            // and without FMA (it needs AVX), so every multiply-add rounds twice.
            string output = await ChildProcess.Run("--width-agreement", new Dictionary<string, string> { ["DOTNET_EnableAVX"] = "0" });
            Assert.Equal("SIMD and scalar kernels agree; Vector512: False, AVX-512: False, Vector256: False, Vector128: True", output);
        }
    }
}
