using Backprop.Generated;
using Backprop.Samples;

namespace Iris
{
    // 4 flower measurements → 16 hidden units (ReLU) → 3 logits, one per species. SoftmaxCrossEntropy applies the
    // softmax inside the loss, so Forward returns logits and the predicted species is the largest one.
    // Trained with SGD, momentum and a little weight decay (L2, which keeps the boundaries smooth on 120 flowers);
    // the learning rate below is the starting rate, which a cosine schedule lowers to 0 over the run.
    [Network(Precision.Single)]
    [Input(4)]
    [Dense(16)] [ReLU]
    [Dense(3)]
    [SoftmaxCrossEntropy]
    [Sgd(LearningRate = 0.05, Momentum = 0.9, WeightDecay = 0.01)]
    public partial class IrisNet { }

    public static class Program
    {
        // The workflow (split, standardize, train, evaluate, save, reload, chart) is in Shared/ClassificationSample.cs.
        public static int Main(string[] args) => new ClassificationSample<IrisNet>
        {
            Title = "Iris: which species is a flower, from 4 measurements of its petals and sepals",
            Project = "samples/Iris",
            DataFile = "iris.csv",
            OutputStem = "iris",
            Items = "flowers",
            ClassNames = new[] { "setosa", "versicolor", "virginica" },
            Training = "SGD, momentum 0.9, weight decay 0.01",
            Shape = "4 → 16 (ReLU) → 3",
            // Split seed 4 gives the median result over splits (see README.md); the training seed matters far less.
            Defaults = new SampleOptions { Epochs = 60, Seed = 1, SplitSeed = 4, BatchSize = 8, TestFraction = 0.2 },
            Create = seed => new IrisNet(seed),
        }.Run(args);
    }
}
