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

        [Fact]
        public void No_generated_method_is_large_enough_for_the_JIT_to_skip_optimizing_it()
        {
            // Over about 60 KB of IL the JIT compiles a method without optimization (the performance issue): the benchmark
            // networks, each layer's method holding its 512-bit, 256-bit and scalar paths, stay far below.
            const string source = "using Backprop.Generated;\nnamespace Cost {\n"
                + "[Network(Precision.Single)] [Input(4)] [Dense(8)] [ReLU] [Dense(3)] [MeanSquaredError] [Sgd(LearningRate = 0.01)] public partial class N1 { }\n"
                + "[Network(Precision.Single)] [Input(16)] [Dense(32)] [Tanh] [Dense(32)] [Tanh] [Dense(4)] [MeanSquaredError] [Sgd(LearningRate = 0.01)] public partial class N2 { }\n"
                + "[Network(Precision.Single)] [Input(64)] [Dense(64)] [Tanh] [Dense(64)] [Tanh] [Dense(10)] [MeanSquaredError] [Sgd(LearningRate = 0.01)] public partial class N3 { }\n"
                + "[Network(Precision.Single)] [Input(784)] [Dense(128)] [ReLU] [Dense(10)] [MeanSquaredError] [Sgd(LearningRate = 0.01)] public partial class N4 { }\n"
                + "[Network(Precision.Double)] [Input(784)] [Dense(128)] [ReLU] [Dense(10)] [SoftmaxCrossEntropy] [Adam] [ClipGradNorm(1.0)] public partial class Mnist { }\n"
                + "}\n";
            System.Reflection.Assembly assembly = GeneratorHarness.Build(source);
            const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
                | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
            var sizes = new[] { "N1", "N2", "N3", "N4", "Mnist" }
                .SelectMany(name => assembly.GetType("Cost." + name)!.GetMethods(all).Cast<System.Reflection.MethodBase>().Concat(assembly.GetType("Cost." + name)!.GetConstructors(all))
                    .Select(m => (Name: name + "." + m.Name, Bytes: m.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0)))
                .OrderByDescending(m => m.Bytes)
                .ToList();
            _output.WriteLine("largest: " + string.Join(", ", sizes.Take(5).Select(m => m.Name + " " + m.Bytes + " bytes")));
            Assert.True(sizes.Count > 100, "the networks' methods were found");
            Assert.True(sizes[0].Bytes < 60_000, sizes[0].Name + " has " + sizes[0].Bytes + " bytes of IL");
        }
    }
}
