package org.seq4j.autograd;

import org.seq4j.tensor.Affine;
import org.seq4j.tensor.BufferPool;
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

    /**
     * A dense layer's act(x·W + b) on the last axis as one node ({@link Affine}): x (…, K), w (K, N), b (N) or null,
     * act ReLU or the identity. Equal to {@code relu(x.matmul(w).add(b))}, with one output array instead of three.
     */
    public static Variable affine(Variable x, Variable w, Variable b, boolean relu) {
        return affine(x, w, b, relu, null);
    }

    /** With ReLU's backward scratch (the masked gradient, as large as y) taken from and handed back to a pool. */
    public static Variable affine(Variable x, Variable w, Variable b, boolean relu, BufferPool pool) {
        Tensor y = Affine.forward(x.value(), w.value(), b == null ? null : b.value(), relu);
        String name = relu ? "affine_relu" : "affine";
        if (b == null) {
            return Variable.op(name, y, g -> {
                Affine.Grads d = Affine.backward(x.value(), w.value(), y, relu, false, g, x.requiresGrad(),
                        w.requiresGrad(), pool);
                return new Tensor[] {d.x(), d.w()};
            }, x, w);
        }
        return Variable.op(name, y, g -> {
            Affine.Grads d = Affine.backward(x.value(), w.value(), y, relu, b.requiresGrad(), g, x.requiresGrad(),
                    w.requiresGrad(), pool);
            return new Tensor[] {d.x(), d.w(), d.bias()};
        }, x, w, b);
    }
}
