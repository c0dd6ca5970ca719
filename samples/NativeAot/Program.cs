// A network inside a NativeAOT executable: no JIT, no reflection. It prints which vector widths the compiled code
// runs (fixed when the executable is compiled, by IlcInstructionSet in the project; `dotnet run` compiles just in time
// instead), learns XOR, and times a 64→64→64→10 forward pass, so publishes for different instruction sets compare:
//
//   dotnet publish samples/NativeAot -c Release -r linux-x64 -o out/aot-native
//   dotnet publish samples/NativeAot -c Release -r linux-x64 -p:IlcInstructionSet=x86-64-v2 -o out/aot-baseline
using System;
using System.Diagnostics;
using System.Runtime.Intrinsics;
using Backprop.Generated;

Console.WriteLine($"accelerated: Vector128 {Vector128.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector512 {Vector512.IsHardwareAccelerated}");

var xor = new XorNet(seed: 1);
float[] inputs = { 0, 0, 0, 1, 1, 0, 1, 1 }, targets = { 0, 1, 1, 0 };
float loss = 0;
for (int epoch = 0; epoch < 2000; epoch++) loss = xor.TrainBatch(inputs, targets);
var y = new float[1];
Console.Write($"XOR after 2000 batches (loss {loss:G3}):");
for (int s = 0; s < 4; s++)
{
    xor.Forward(inputs.AsSpan(2 * s, 2), y);
    Console.Write($" {inputs[2 * s]:0}{inputs[2 * s + 1]:0}→{y[0]:F3}");
}
Console.WriteLine();

var net = new MediumNet(seed: 7);
var x = new float[MediumNet.InputSize];
var output = new float[MediumNet.OutputSize];
for (int i = 0; i < x.Length; i++) x[i] = MathF.Sin(i) * 0.5f;
for (int i = 0; i < 20_000; i++) net.Forward(x, output);
double best = double.MaxValue;
for (int round = 0; round < 20; round++)
{
    long start = Stopwatch.GetTimestamp();
    for (int i = 0; i < 20_000; i++) net.Forward(x, output);
    best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds / 20_000);
}
Console.WriteLine($"64→64→64→10 forward: {best:F0} ns (best of 20 rounds of 20,000); output[0] = {output[0]:R}");

[Network(Precision.Single)]
[Input(2)] [Dense(8)] [Tanh] [Dense(1)] [Sigmoid]
[BinaryCrossEntropy] [Adam(LearningRate = 0.05)]
public partial class XorNet { }

[Network(Precision.Single)]
[Input(64)] [Dense(64)] [Tanh] [Dense(64)] [Tanh] [Dense(10)]
[MeanSquaredError] [Sgd(LearningRate = 0.01)]
public partial class MediumNet { }
