using System;
using System.Collections.Generic;

namespace Backprop.Generated
{
    /// <summary>
    /// Changes a network's learning rate once per epoch, as <c>torch.optim.lr_scheduler</c> does: call <see cref="Step"/>
    /// after each epoch's optimizer steps. The base learning rate is the target's learning rate when the scheduler is made.
    /// The optimizer keeps the learning rate outside its momentum buffers, as torch does, so a change takes effect at
    /// the next step without rescaling any state.
    /// </summary>
    public abstract class LearningRateScheduler
    {
        /// <summary>Takes the target's current learning rate as the base rate (torch's <c>initial_lr</c>).</summary>
        protected LearningRateScheduler(ILearningRateTarget target)
        {
            Target = target ?? throw new ArgumentNullException(nameof(target));
            BaseLearningRate = target.LearningRate;
        }

        /// <summary>The network whose learning rate this sets.</summary>
        public ILearningRateTarget Target { get; }

        /// <summary>The learning rate at epoch 0.</summary>
        public double BaseLearningRate { get; }

        /// <summary>The number of times <see cref="Step"/> was called (torch's <c>last_epoch</c>).</summary>
        public int Epoch { get; private set; }

        /// <summary>Advances one epoch and sets the target's learning rate for it.</summary>
        public void Step()
        {
            Epoch++;
            Target.LearningRate = Next(Epoch, Target.LearningRate);
        }

        /// <summary>The learning rate for <paramref name="epoch"/>, given the rate of the epoch before (torch's chainable form).</summary>
        protected abstract double Next(int epoch, double current);
    }

    /// <summary>torch's <c>StepLR</c>: multiplies the rate by γ every <see cref="StepSize"/> epochs, so η = η₀·γ^⌊epoch/step⌋.</summary>
    public sealed class StepLR : LearningRateScheduler
    {
        /// <summary>Decays by <paramref name="gamma"/> every <paramref name="stepSize"/> epochs.</summary>
        public StepLR(ILearningRateTarget target, int stepSize, double gamma = 0.1) : base(target)
        {
            if (stepSize <= 0) throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "The step size must be at least 1 epoch.");
            if (!(gamma > 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be positive and finite.");
            StepSize = stepSize;
            Gamma = gamma;
        }

        /// <summary>Epochs between decays.</summary>
        public int StepSize { get; }

        /// <summary>The decay factor.</summary>
        public double Gamma { get; }

        /// <inheritdoc/>
        protected override double Next(int epoch, double current) => epoch % StepSize == 0 ? current * Gamma : current;
    }

    /// <summary>torch's <c>MultiStepLR</c>: multiplies the rate by γ at each milestone epoch (by γ^k where a milestone is listed k times).</summary>
    public sealed class MultiStepLR : LearningRateScheduler
    {
        private readonly Dictionary<int, int> _milestones = new Dictionary<int, int>();

        /// <summary>Decays by <paramref name="gamma"/> at each of <paramref name="milestones"/>.</summary>
        public MultiStepLR(ILearningRateTarget target, IEnumerable<int> milestones, double gamma = 0.1) : base(target)
        {
            if (milestones is null) throw new ArgumentNullException(nameof(milestones));
            if (!(gamma > 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be positive and finite.");
            foreach (int milestone in milestones) _milestones[milestone] = _milestones.TryGetValue(milestone, out int count) ? count + 1 : 1;
            Gamma = gamma;
        }

        /// <summary>The decay factor.</summary>
        public double Gamma { get; }

        /// <inheritdoc/>
        protected override double Next(int epoch, double current) => _milestones.TryGetValue(epoch, out int count) ? current * Math.Pow(Gamma, count) : current;
    }

    /// <summary>torch's <c>ExponentialLR</c>: η ← γ·η every epoch.</summary>
    public sealed class ExponentialLR : LearningRateScheduler
    {
        /// <summary>Decays by <paramref name="gamma"/> every epoch.</summary>
        public ExponentialLR(ILearningRateTarget target, double gamma) : base(target)
        {
            if (!(gamma > 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be positive and finite.");
            Gamma = gamma;
        }

        /// <summary>The decay factor.</summary>
        public double Gamma { get; }

        /// <inheritdoc/>
        protected override double Next(int epoch, double current) => current * Gamma;
    }

    /// <summary>
    /// torch's <c>CosineAnnealingLR</c>, in torch's recursive form: η follows η_min + (η₀ − η_min)(1 + cos(π·epoch/T_max))/2
    /// down to η_min at T_max, then back up, with period 2·T_max.
    /// </summary>
    public sealed class CosineAnnealingLR : LearningRateScheduler
    {
        /// <summary>Anneals over <paramref name="tMax"/> epochs down to <paramref name="minimum"/>.</summary>
        public CosineAnnealingLR(ILearningRateTarget target, int tMax, double minimum = 0) : base(target)
        {
            if (tMax <= 0) throw new ArgumentOutOfRangeException(nameof(tMax), tMax, "T_max must be at least 1 epoch.");
            if (!(minimum >= 0) || double.IsInfinity(minimum)) throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "η_min must be zero or positive.");
            TMax = tMax;
            Minimum = minimum;
        }

        /// <summary>Epochs from the base rate down to <see cref="Minimum"/>.</summary>
        public int TMax { get; }

        /// <summary>The lowest rate, η_min.</summary>
        public double Minimum { get; }

        /// <inheritdoc/>
        protected override double Next(int epoch, double current)
        {
            int period = 2 * TMax;
            if ((((epoch - 1 - TMax) % period) + period) % period == 0)
            {
                return current + (BaseLearningRate - Minimum) * (1 - Math.Cos(Math.PI / TMax)) / 2;
            }
            return (1 + Math.Cos(Math.PI * epoch / TMax)) / (1 + Math.Cos(Math.PI * (epoch - 1) / TMax)) * (current - Minimum) + Minimum;
        }
    }
}
