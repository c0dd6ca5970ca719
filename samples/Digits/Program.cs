using Backprop.Generated;
using Backprop.Samples;

namespace Digits
{
    // 8×8 images of handwritten digits, 64 pixels of 0–16 → 64 hidden units (ReLU) → 10 logits, one per digit.
    // SoftmaxCrossEntropy applies the softmax inside the loss, so Forward returns logits and the predicted digit is
    // the largest one. Trained with SGD, momentum and a touch of weight decay; the learning rate below is the
    // starting rate, which a cosine schedule lowers to 0 over the run.
    [Network(Precision.Single)]
    [Input(64)]
    [Dense(64)] [ReLU]
    [Dense(10)]
    [SoftmaxCrossEntropy]
    [Sgd(LearningRate = 0.05, Momentum = 0.9, WeightDecay = 0.001)]
    public partial class DigitsNet { }

    public static class Program
    {
        // The workflow (split, standardize, train, evaluate, save, reload, chart) is in Shared/ClassificationSample.cs.
        public static int Main(string[] args) => new ClassificationSample<DigitsNet>
        {
            Title = "Digits: which digit is an 8×8 image of a handwritten digit",
            Project = "samples/Digits",
            DataFile = "digits.csv",
            OutputStem = "digits",
            Items = "images",
            ClassNames = new[] { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" },
            Training = "SGD, momentum 0.9, weight decay 0.001",
            Shape = "64 → 64 (ReLU) → 10",
            Defaults = new SampleOptions { Epochs = 30, Seed = 1, SplitSeed = 1, BatchSize = 32, TestFraction = 0.2 },
            Create = seed => new DigitsNet(seed),
        }.Run(args);
    }
}
