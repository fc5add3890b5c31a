using System;

namespace Simd.Tests.Optimization;

/// <summary>
/// PyTorch's torch.optim algorithms (the single-tensor, for-loop form of each documented algorithm), written element by
/// element in double precision, independently of the library. <see cref="State"/> lists the buffers in the order the
/// library's optimizers document theirs.
/// </summary>
internal abstract class TorchReference
{
    protected TorchReference(int length) => Length = length;

    public int Length { get; }

    public int StepCount { get; private set; }

    public abstract double[][] State { get; }

    public void Step(double[] p, double[] g)
    {
        StepCount++;
        for (int i = 0; i < Length; i++)
        {
            p[i] = Element(i, p[i], g[i], StepCount);
        }
    }

    protected abstract double Element(int i, double p, double g, int t);

    public sealed class Sgd(int length, double lr, double momentum, double dampening, double weightDecay, bool nesterov) : TorchReference(length)
    {
        private readonly double[] buf = new double[length];

        public override double[][] State => momentum != 0 ? [buf] : [];

        protected override double Element(int i, double p, double g, int t)
        {
            if (weightDecay != 0)
            {
                g += weightDecay * p;
            }

            if (momentum != 0)
            {
                buf[i] = t == 1 ? g : (momentum * buf[i]) + ((1 - dampening) * g);
                g = nesterov ? g + (momentum * buf[i]) : buf[i];
            }

            return p - (lr * g);
        }
    }

    public sealed class Adam(int length, double lr, double beta1, double beta2, double eps, double weightDecay, bool amsgrad, bool decoupled) : TorchReference(length)
    {
        private readonly double[] m = new double[length];
        private readonly double[] v = new double[length];
        private readonly double[] vMax = new double[length];

        public override double[][] State => amsgrad ? [m, v, vMax] : [m, v];

        protected override double Element(int i, double p, double g, int t)
        {
            if (decoupled)
            {
                p *= 1 - (lr * weightDecay);
            }
            else if (weightDecay != 0)
            {
                g += weightDecay * p;
            }

            m[i] = (beta1 * m[i]) + ((1 - beta1) * g);
            v[i] = (beta2 * v[i]) + ((1 - beta2) * g * g);
            double mHat = m[i] / (1 - Math.Pow(beta1, t));
            double second = v[i];
            if (amsgrad)
            {
                vMax[i] = Math.Max(vMax[i], v[i]);
                second = vMax[i];
            }

            double vHat = second / (1 - Math.Pow(beta2, t));
            return p - (lr * mHat / (Math.Sqrt(vHat) + eps));
        }
    }

    public sealed class RMSprop(int length, double lr, double alpha, double eps, double weightDecay, double momentum, bool centered) : TorchReference(length)
    {
        private readonly double[] v = new double[length];
        private readonly double[] gAvg = new double[length];
        private readonly double[] buf = new double[length];

        public override double[][] State => (centered, momentum > 0) switch
        {
            (false, false) => [v],
            (true, false) => [v, gAvg],
            (false, true) => [v, buf],
            _ => [v, gAvg, buf],
        };

        protected override double Element(int i, double p, double g, int t)
        {
            if (weightDecay != 0)
            {
                g += weightDecay * p;
            }

            v[i] = (alpha * v[i]) + ((1 - alpha) * g * g);
            double vTilde = v[i];
            if (centered)
            {
                gAvg[i] = (alpha * gAvg[i]) + ((1 - alpha) * g);
                vTilde -= gAvg[i] * gAvg[i];
            }

            double d = Math.Sqrt(vTilde) + eps;
            if (momentum > 0)
            {
                buf[i] = (momentum * buf[i]) + (g / d);
                return p - (lr * buf[i]);
            }

            return p - (lr * g / d);
        }
    }

    public sealed class Adagrad : TorchReference
    {
        private readonly double[] sum;
        private readonly double lr;
        private readonly double lrDecay;
        private readonly double weightDecay;
        private readonly double eps;

        public Adagrad(int length, double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps)
            : base(length)
        {
            sum = new double[length];
            Array.Fill(sum, initialAccumulatorValue);
            (this.lr, this.lrDecay, this.weightDecay, this.eps) = (lr, lrDecay, weightDecay, eps);
        }

        public override double[][] State => [sum];

        protected override double Element(int i, double p, double g, int t)
        {
            if (weightDecay != 0)
            {
                g += weightDecay * p;
            }

            double clr = lr / (1 + ((t - 1) * lrDecay));
            sum[i] += g * g;
            return p - (clr * g / (Math.Sqrt(sum[i]) + eps));
        }
    }
}
