using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Backprop.Generated.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Backprop.Generated.Tests.Oracle
{
    /// <summary>
    /// Compiles every oracle case's network once (one compilation for the folder, for speed) and keeps the types.
    /// A case whose declaration cannot be written or whose code does not compile is recorded with the reason.
    /// </summary>
    public sealed class OracleFixture
    {
        public OracleFixture()
        {
            Folder = OracleCase.CasesFolder;
            Cases = OracleCase.CaseFiles(Folder).Select(OracleCase.Load).ToDictionary(c => c.Name);
            var sources = new List<(string Path, string Source)>();
            foreach (OracleCase oracleCase in Cases.Values)
            {
                try
                {
                    sources.Add((oracleCase.Name + ".cs", oracleCase.Declaration(Namespace(oracleCase))));
                }
                catch (NotSupportedException ex)
                {
                    Failures[oracleCase.Name] = "unsupported: the case needs " + ex.Message;
                }
            }
            if (sources.Count == 0) return;
            GeneratorOutput output = GeneratorHarness.Run(sources);
            foreach (Diagnostic d in output.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
            {
                string name = Path.GetFileNameWithoutExtension(d.Location.SourceTree?.FilePath ?? "");
                if (d.Severity == DiagnosticSeverity.Error || !AllowedWarning(Cases[name], d)) Failures[name] = "generator reported " + d;
            }
            Assembly = GeneratorHarness.CompileAndLoad(output);
        }

        // The seed_losses cases feed probabilities straight into a loss with no sigmoid/softmax: BPG019 is expected there.
        private static bool AllowedWarning(OracleCase c, Diagnostic d) => d.Id == "BPG019" && c.Name.StartsWith("seed_losses_", StringComparison.Ordinal);

        public string Folder { get; }
        public Dictionary<string, OracleCase> Cases { get; }
        public Dictionary<string, string> Failures { get; } = new();
        public Assembly? Assembly { get; }

        public static string Namespace(OracleCase c) => "Oracle_" + c.Name;

        public IOracleNetwork Create(OracleCase c)
        {
            Type type = Assembly!.GetType(Namespace(c) + ".Net") ?? throw new InvalidOperationException("no generated type for " + c.Name);
            object instance = Activator.CreateInstance(type, 0)!;
            return c.IsDouble ? new OracleNetwork<double>(instance) : new OracleNetwork<float>(instance);
        }
    }

    public sealed class OracleConformanceTests : IClassFixture<OracleFixture>
    {
        private readonly OracleFixture _fixture;

        public OracleConformanceTests(OracleFixture fixture) => _fixture = fixture;

        public static IEnumerable<object[]> CaseNames()
            => OracleCase.CaseFiles(OracleCase.CasesFolder).Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

        [Fact]
        public void The_case_folder_exists_and_holds_cases()
        {
            Assert.True(Directory.Exists(_fixture.Folder), "The oracle case folder is missing: " + _fixture.Folder);
            Assert.NotEmpty(_fixture.Cases);
            if (Environment.GetEnvironmentVariable("BACKPROP_ORACLE_CASES") is null or "") Assert.True(_fixture.Cases.Count >= 54, "expected the 54 public cases, found " + _fixture.Cases.Count);
        }

        [Fact]
        public void Every_case_is_supported_and_compiles()
        {
            Assert.True(_fixture.Failures.Count == 0, "Cases that failed to build:\n" + string.Join("\n", _fixture.Failures.Select(f => f.Key + ": " + f.Value)));
        }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Case_matches_pytorch(string name)
        {
            OracleCase c = _fixture.Cases[name];
            Assert.False(_fixture.Failures.TryGetValue(name, out string? failure), failure);
            IOracleNetwork net = _fixture.Create(c);
            JsonElement expected = c.Expected;
            double tolerance = c.Tolerance;
            net.SetParameters(OracleCase.Flatten(c.Root.GetProperty("parameters")));
            double[][] x = c.X;
            int n = x.Length;

            // Outputs.
            double[][] outputs = OracleCase.Matrix(expected.GetProperty("outputs"));
            for (int s = 0; s < n; s++) Close.All(outputs[s], net.Forward(x[s]), tolerance, $"{name}: outputs[{s}]");

            // Loss, input gradient and parameter gradients of the batch loss.
            double[][] expectedInputGradient = expected.TryGetProperty("grad_input", out JsonElement gi) ? OracleCase.Matrix(gi) : Array.Empty<double[]>();
            double scale;
            if (c.Loss == "none")
            {
                scale = 1;
                double[] ones = Enumerable.Repeat(1.0, net.OutputSize).ToArray();
                for (int s = 0; s < n; s++)
                {
                    net.BackwardFromOutputGradient(x[s], ones);
                    if (expectedInputGradient.Length > 0) Close.All(expectedInputGradient[s], net.InputGradient, tolerance, $"{name}: grad_input[{s}]");
                }
            }
            else
            {
                double[][] y = c.Y!;
                scale = net.LossIsMean ? 1.0 / n : 1.0;
                double total = 0;
                for (int s = 0; s < n; s++)
                {
                    total += net.Backward(x[s], y[s]);
                    if (expectedInputGradient.Length > 0) Close.All(expectedInputGradient[s], net.InputGradient.Select(v => v * scale).ToArray(), tolerance, $"{name}: grad_input[{s}]");
                }
                Close.One(expected.GetProperty("loss").GetDouble(), total * scale, tolerance, $"{name}: loss");
            }
            double[] expectedGradients = OracleCase.Flatten(expected.GetProperty("grads"));
            Close.All(expectedGradients, net.Gradients.Select(g => g * scale).ToArray(), tolerance, $"{name}: grads");

            // The input Jacobian, where the case gives one.
            if (expected.TryGetProperty("input_jacobian", out JsonElement jacobians))
            {
                int s = 0;
                foreach (JsonElement perSample in jacobians.EnumerateArray())
                {
                    double[,] actual = net.InputJacobian(x[s]);
                    double[][] rows = OracleCase.Matrix(perSample);
                    for (int k = 0; k < rows.Length; k++)
                    {
                        Close.All(rows[k], Enumerable.Range(0, rows[k].Length).Select(i => actual[k, i]).ToArray(), tolerance, $"{name}: input_jacobian[{s}][{k}]");
                    }
                    s++;
                }
            }

            if (c.Training is JsonElement training) RunTraining(c, net, training);
        }

        private static void RunTraining(OracleCase c, IOracleNetwork net, JsonElement training)
        {
            net.ZeroGradients();
            net.SetParameters(OracleCase.Flatten(c.Root.GetProperty("parameters")));
            double[][] x = c.X, y = c.Y!;
            double tolerance = c.Tolerance;
            double[] lossPerStep = training.GetProperty("loss_per_step").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(lossPerStep.Length, training.GetProperty("steps").GetInt32());
            for (int step = 0; step < lossPerStep.Length; step++)
            {
                double total = 0;
                for (int s = 0; s < x.Length; s++) total += net.Backward(x[s], y[s]);
                Close.One(lossPerStep[step], net.LossIsMean ? total / x.Length : total, tolerance, $"{c.Name}: loss_per_step[{step}]");
                net.Step();
            }
            double final = 0;
            for (int s = 0; s < x.Length; s++) final += net.Backward(x[s], y[s]);
            net.ZeroGradients();
            Close.One(training.GetProperty("final_loss").GetDouble(), net.LossIsMean ? final / x.Length : final, tolerance, $"{c.Name}: final_loss");
            Close.All(OracleCase.Flatten(training.GetProperty("parameters_after")), net.Parameters, tolerance, $"{c.Name}: parameters_after");
        }
    }
}
