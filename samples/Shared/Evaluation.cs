using System;
using System.Linq;
using Backprop.Generated;

namespace Backprop.Samples
{
    /// <summary>Evaluation helpers that work with any generated single-precision classifier.</summary>
    public static class Evaluation
    {
        /// <summary>
        /// Counts the samples on which two networks give bit-for-bit identical outputs (every output value, compared as
        /// its 32-bit pattern, so even −0 and +0 differ). A network reloaded from a weight file must match on all of them.
        /// </summary>
        public static int CountIdenticalOutputs(INetwork<float> first, INetwork<float> second, float[] inputs)
        {
            int inputSize = first.InputSize, count = inputs.Length / inputSize;
            Span<float> a = stackalloc float[first.OutputSize];
            Span<float> b = stackalloc float[second.OutputSize];
            int identical = 0;
            for (int s = 0; s < count; s++)
            {
                ReadOnlySpan<float> x = inputs.AsSpan(s * inputSize, inputSize);
                first.Forward(x, a);
                second.Forward(x, b);
                bool same = a.Length == b.Length;
                for (int k = 0; same && k < a.Length; k++)
                {
                    same = BitConverter.SingleToInt32Bits(a[k]) == BitConverter.SingleToInt32Bits(b[k]);
                }
                if (same) identical++;
            }
            return identical;
        }

        /// <summary>
        /// The confusion matrix over a data set: <c>[actual, predicted]</c> counts, where the prediction is the class
        /// with the largest output.
        /// </summary>
        public static int[,] ConfusionMatrix(INetwork<float> network, float[] inputs, int[] labels, int classCount)
        {
            var matrix = new int[classCount, classCount];
            Span<float> output = stackalloc float[network.OutputSize];
            for (int s = 0; s < labels.Length; s++)
            {
                network.Forward(inputs.AsSpan(s * network.InputSize, network.InputSize), output);
                matrix[labels[s], MiniBatchTrainer<float>.ArgMax(output)]++;
            }
            return matrix;
        }

        /// <summary>Prints a confusion matrix with a row per actual class and a column per predicted class.</summary>
        public static void PrintConfusionMatrix(int[,] matrix, string[] classNames)
        {
            int n = classNames.Length;
            int width = Math.Max(4, classNames.Max(name => name.Length) + 2);
            const string Corner = "actual \\ predicted";
            int first = Math.Max(classNames.Max(name => name.Length), Corner.Length) + 1;
            Console.Write(Corner.PadRight(first));
            foreach (string name in classNames) Console.Write(name.PadLeft(width));
            Console.WriteLine();
            for (int i = 0; i < n; i++)
            {
                Console.Write(classNames[i].PadRight(first));
                for (int j = 0; j < n; j++) Console.Write((matrix[i, j] == 0 && i != j ? "·" : matrix[i, j].ToString()).PadLeft(width));
                Console.WriteLine();
            }
        }
    }
}
