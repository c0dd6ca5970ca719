using System;
using System.Linq;
using System.Numerics;

namespace Backprop.Generated.Tests.Oracle
{
    /// <summary>A generated network of either precision, driven with doubles, as the oracle tests need.</summary>
    public interface IOracleNetwork
    {
        int OutputSize { get; }
        bool LossIsMean { get; }
        void SetParameters(double[] values);
        double[] Parameters { get; }
        double[] Gradients { get; }
        double[] InputGradient { get; }
        double[] Forward(double[] input);
        double Backward(double[] input, double[] target);
        void BackwardFromOutputGradient(double[] input, double[] outputGradient);
        double[,] InputJacobian(double[] input);
        void ZeroGradients();
        void Step();
    }

    public sealed class OracleNetwork<T> : IOracleNetwork where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly INetwork<T> _net;

        public OracleNetwork(object network) => _net = (INetwork<T>)network;

        private static T[] In(double[] values) => values.Select(T.CreateChecked).ToArray();
        private static double[] Out(ReadOnlySpan<T> values) => values.ToArray().Select(double.CreateChecked).ToArray();

        public int OutputSize => _net.OutputSize;
        public bool LossIsMean => ((ILossNetwork<T>)_net).LossIsMean;
        public void SetParameters(double[] values) => _net.SetParameters(In(values));
        public double[] Parameters => Out(_net.Parameters);
        public double[] Gradients => Out(_net.Gradients);
        public double[] InputGradient => Out(_net.InputGradient);

        public double[] Forward(double[] input)
        {
            var output = new T[_net.OutputSize];
            _net.Forward(In(input), output);
            return Out(output);
        }

        public double Backward(double[] input, double[] target) => double.CreateChecked(((ILossNetwork<T>)_net).Backward(In(input), In(target)));

        public void BackwardFromOutputGradient(double[] input, double[] outputGradient) => _net.BackwardFromOutputGradient(In(input), In(outputGradient));

        public double[,] InputJacobian(double[] input)
        {
            var jacobian = new T[_net.OutputSize * _net.InputSize];
            _net.InputJacobian(In(input), jacobian);
            var result = new double[_net.OutputSize, _net.InputSize];
            for (int k = 0; k < _net.OutputSize; k++)
            {
                for (int i = 0; i < _net.InputSize; i++) result[k, i] = double.CreateChecked(jacobian[k * _net.InputSize + i]);
            }
            return result;
        }

        public void ZeroGradients() => _net.ZeroGradients();

        public void Step() => ((ITrainableNetwork<T>)_net).Step();
    }
}
