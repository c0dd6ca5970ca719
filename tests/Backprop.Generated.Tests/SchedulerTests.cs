using System;
using Backprop.Generated.Tests.Networks;
using Xunit;

namespace Backprop.Generated.Tests
{
    /// <summary>Learning-rate schedules against their closed forms, and against torch's recursive update where they differ.</summary>
    public sealed class SchedulerTests
    {
        private sealed class Target : ILearningRateTarget
        {
            public double LearningRate { get; set; }
        }

        private static void Equal(double expected, double actual, string what)
            => Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1e-3, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

        [Fact]
        public void StepLR_decays_by_gamma_every_step_size_epochs()
        {
            var target = new Target { LearningRate = 0.1 };
            var schedule = new StepLR(target, stepSize: 3, gamma: 0.5);
            for (int epoch = 1; epoch <= 12; epoch++)
            {
                schedule.Step();
                Equal(0.1 * Math.Pow(0.5, epoch / 3), target.LearningRate, $"epoch {epoch}");
            }
            Assert.Equal(12, schedule.Epoch);
        }

        [Fact]
        public void MultiStepLR_and_ExponentialLR_follow_their_formulas()
        {
            var multi = new Target { LearningRate = 1.0 };
            var milestones = new MultiStepLR(multi, new[] { 2, 5 }, gamma: 0.1);
            var exp = new Target { LearningRate = 0.2 };
            var exponential = new ExponentialLR(exp, 0.9);
            double[] expected = { 1, 0.1, 0.1, 0.1, 0.01, 0.01 };
            for (int epoch = 1; epoch <= 6; epoch++)
            {
                milestones.Step();
                exponential.Step();
                Equal(expected[epoch - 1], multi.LearningRate, $"multistep epoch {epoch}");
                Equal(0.2 * Math.Pow(0.9, epoch), exp.LearningRate, $"exponential epoch {epoch}");
            }
        }

        [Fact]
        public void MultiStepLR_applies_gamma_once_per_listing_of_a_milestone_as_torch()
        {
            var target = new Target { LearningRate = 1.0 };
            var schedule = new MultiStepLR(target, new[] { 2, 2, 4 }, gamma: 0.5);
            double[] expected = { 1, 0.25, 0.25, 0.125 };
            for (int epoch = 1; epoch <= 4; epoch++)
            {
                schedule.Step();
                Equal(expected[epoch - 1], target.LearningRate, $"epoch {epoch}");
            }
        }

        [Fact]
        public void CosineAnnealing_follows_the_closed_form_down_and_back_up()
        {
            const double baseRate = 0.05, minimum = 0.001;
            const int tMax = 10;
            var target = new Target { LearningRate = baseRate };
            var schedule = new CosineAnnealingLR(target, tMax, minimum);
            for (int epoch = 1; epoch <= 3 * tMax; epoch++)
            {
                schedule.Step();
                // torch's recursive form equals the closed form η_min + (η₀ − η_min)(1 + cos(π·t/T))/2 for every t, periodically.
                Equal(minimum + (baseRate - minimum) * (1 + Math.Cos(Math.PI * epoch / tMax)) / 2, target.LearningRate, $"epoch {epoch}");
            }
        }

        [Fact]
        public void CosineAnnealing_to_zero_passes_through_zero_as_torch_does()
        {
            var net = new IrisNet(1);
            var schedule = new CosineAnnealingLR(net, tMax: 4);
            for (int i = 0; i < 4; i++) schedule.Step();
            Assert.True(Math.Abs(net.LearningRate) < 1e-17);
            schedule.Step();
            Equal(0.1 * (1 - Math.Cos(Math.PI / 4)) / 2, net.LearningRate, "epoch 5");
        }

        [Fact]
        public void A_schedule_changes_the_step_but_not_the_momentum_buffer()
        {
            // torch keeps η outside SGD's momentum buffer: v ← μv + g; θ ← θ − η·v. Halving η halves the next update.
            var a = new IrisNet(3);
            var b = new IrisNet(3);
            float[] x = { 0.5f, -1, 2, 0.1f }, t = { 0, 0, 1 };
            foreach (IrisNet net in new[] { a, b })
            {
                net.Backward(x, t);
                net.Step();
            }
            float[] stateBefore = a.OptimizerState.ToArray();
            Assert.Equal(stateBefore, b.OptimizerState.ToArray());
            new StepLR(b, stepSize: 1, gamma: 0.5).Step();
            Assert.Equal(0.05, b.LearningRate, 15);
            float[] before = a.Parameters.ToArray();
            foreach (IrisNet net in new[] { a, b })
            {
                net.Backward(x, t);
                net.Step();
            }
            Assert.Equal(a.OptimizerState.ToArray(), b.OptimizerState.ToArray());
            for (int i = 0; i < before.Length; i++)
            {
                float stepA = a.Parameters[i] - before[i], stepB = b.Parameters[i] - before[i];
                Assert.True(Math.Abs(stepB - stepA / 2) <= 1e-6f * Math.Max(1, Math.Abs(stepA)), $"parameter {i}: {stepA} vs {stepB}");
            }
        }
    }
}
