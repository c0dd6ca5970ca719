using System;
using Backprop.Generated;

namespace Xor
{
    // 2 inputs → 4 hidden (tanh) → 1 output (sigmoid), trained on binary cross-entropy with SGD and momentum.
    [Network(Precision.Single)]
    [Input(2)]
    [Dense(4)] [Tanh]
    [Dense(1)] [Sigmoid]
    [BinaryCrossEntropy]
    [Sgd(LearningRate = 0.5, Momentum = 0.9)]
    public partial class XorNet { }

    public static class Program
    {
        public static int Main()
        {
            float[] inputs = { 0, 0, 0, 1, 1, 0, 1, 1 };
            float[] targets = { 0, 1, 1, 0 };
            var net = new XorNet(seed: 1);

            float loss = float.NaN;
            int epoch;
            for (epoch = 1; epoch <= 5000; epoch++)
            {
                loss = net.TrainBatch(inputs, targets);   // the whole truth table is one batch
                if (epoch % 100 == 0) Console.WriteLine($"epoch {epoch,5}: loss {loss:F6}");
                if (loss < 0.01f) break;
            }
            Console.WriteLine($"trained in {epoch} epochs, loss {loss:F6}");
            Console.WriteLine();
            Console.WriteLine(" a  b | a xor b | network");
            Console.WriteLine("------+---------+--------");
            Span<float> output = stackalloc float[XorNet.OutputSize];
            bool allRight = true;
            for (int s = 0; s < 4; s++)
            {
                ReadOnlySpan<float> x = inputs.AsSpan(s * 2, 2);
                net.Forward(x, output);
                bool right = (output[0] > 0.5f) == (targets[s] > 0.5f);
                allRight &= right;
                Console.WriteLine($" {x[0]}  {x[1]} |    {targets[s]}    | {output[0]:F4}{(right ? "" : "  wrong")}");
            }
            return loss < 0.01f && allRight ? 0 : 1;
        }
    }
}
