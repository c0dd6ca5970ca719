using System.Diagnostics;
using System.Linq;
using Backprop.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace Backprop.Generated.Tests
{
    /// <summary>Generation stays fast and small: loops with constant bounds, not unrolled arithmetic, for big layers.</summary>
    public sealed class GenerationCostTests
    {
        private const string Mnist = "using Backprop.Generated;\nnamespace Cost {\n[Network] [Input(784)] [Dense(128)] [ReLU] [Dense(10)] [SoftmaxCrossEntropy] [Adam] [ClipGradNorm(1.0)]\npublic partial class Mnist { }\n}\n";
        private readonly ITestOutputHelper _output;

        public GenerationCostTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void A_784_128_10_network_is_generated_in_under_200_ms_as_under_300_KB_of_source()
        {
            // Warm the generator and Roslyn up on another network first: the bound is for generating, not for JIT.
            GeneratorHarness.Run(Mnist.Replace("Mnist", "Warm"));
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { ("Mnist.cs", Mnist) });
            double best = double.MaxValue;
            string source = "";
            for (int round = 0; round < 3; round++)
            {
                GeneratorDriver driver = GeneratorHarness.CreateDriver();
                var stopwatch = Stopwatch.StartNew();
                driver = driver.RunGenerators(compilation);
                stopwatch.Stop();
                best = System.Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
                source = driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString();
            }
            int bytes = System.Text.Encoding.UTF8.GetByteCount(source);
            _output.WriteLine($"784→128→10: {bytes:N0} bytes of source, generated in {best:F2} ms");
            Assert.True(bytes < 300_000, $"{bytes} bytes of source");
            Assert.True(best < 200, $"{best:F2} ms to generate");
            Assert.Contains("public const int ParameterCount = 101770;", source);
        }
    }
}
