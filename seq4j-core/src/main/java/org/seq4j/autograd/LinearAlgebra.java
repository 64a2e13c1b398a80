package org.seq4j.autograd;

import org.seq4j.tensor.Tensor;

/**
 * Matrix product with NumPy semantics. For C = A·B: dA = dC·Bᵀ and dB = Aᵀ·dC, each summed over the batch
 * dimensions its operand was broadcast along. The transposes are views, which GEMM reads in place.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {}

    public static Variable matmul(Variable a, Variable b) {
        Tensor y = a.value().matmul(b.value());
        return Variable.op("matmul", y, g -> gradients(a, b, g), a, b);
    }

    /** x·w + bias (bias of shape (N)) as one node: the forward makes one array, not two; dbias = Σ g. */
    public static Variable linear(Variable x, Variable w, Variable bias) {
        Tensor y = Tensor.linear(x.value(), w.value(), bias.value());
        return Variable.op("linear", y, g -> {
            Tensor[] gxw = gradients(x, w, g);
            return new Tensor[] {gxw[0], gxw[1], bias.requiresGrad() ? g.sumTo(bias.shape()) : null};
        }, x, w, bias);
    }

    /**
     * relu(x·w + bias) as one node with one array; the relu gradient is masked by the output (y &gt; 0 exactly where
     * x·w + bias &gt; 0), so the pre-activation need not be kept.
     */
    public static Variable linearRelu(Variable x, Variable w, Variable bias) {
        Tensor y = Tensor.linearRelu(x.value(), w.value(), bias.value());
        return Variable.op("linearRelu", y, g -> {
            Tensor dz = Tensor.reluBackward(y, g);
            Tensor[] gxw = gradients(x, w, dz);
            return new Tensor[] {gxw[0], gxw[1], bias.requiresGrad() ? dz.sumTo(bias.shape()) : null};
        }, x, w, bias);
    }

    /** dA, dB of C = A·B from dC (null for an input that needs none). */
    private static Tensor[] gradients(Variable a, Variable b, Tensor g) {
        Tensor av = a.value();
        Tensor bv = b.value();
        // promote vectors to matrices as the forward did, so one rule serves every case
        Tensor a2 = av.rank() == 1 ? av.unsqueeze(0) : av;          // (…, M, K)
        Tensor b2 = bv.rank() == 1 ? bv.unsqueeze(1) : bv;          // (…, K, N)
        Tensor g2 = av.rank() == 1 && bv.rank() == 1 ? g.reshape(1, 1)
                : av.rank() == 1 ? g.unsqueeze(-2)                   // (…, 1, N)
                : bv.rank() == 1 ? g.unsqueeze(-1)                   // (…, M, 1)
                : g;
        Tensor ga = a.requiresGrad() ? g2.matmul(b2.mT()).sumTo(a2.shape()).reshape(av.shape().dims()) : null;
        Tensor gb = null;
        if (b.requiresGrad()) {
            gb = b2.rank() == 2 && a2.rank() > 2
                    // a sequence through a shared weight: fold batch and time into one (K, B·T)·(B·T, N) GEMM
                    ? a2.reshape(-1, a2.dim(-1)).mT().matmul(g2.reshape(-1, g2.dim(-1)))
                    : a2.mT().matmul(g2).sumTo(b2.shape());
            gb = gb.reshape(bv.shape().dims());
        }
        return new Tensor[] {ga, gb};
    }
}
