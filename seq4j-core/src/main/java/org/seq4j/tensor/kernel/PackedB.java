package org.seq4j.tensor.kernel;

/**
 * op(B) (k × n) prepared once by {@link GemmKernel#pack} for many products with the same B: a recurrent kernel U is
 * multiplied 200 times per sequence (W2: by a (32, 128) slice of h per thread and step), and packing its 64 K floats
 * each time costs a fifth of the product. The source must not change while this is in use. {@code packed} is null
 * when the kernel reads B in place (the scalar reference).
 */
public final class PackedB {
    final Transpose tb;
    final int k;
    final int n;
    final float[] source;
    final int offset;
    final int ld;
    final float[] packed;

    PackedB(Transpose tb, int k, int n, float[] source, int offset, int ld, float[] packed) {
        this.tb = tb;
        this.k = k;
        this.n = n;
        this.source = source;
        this.offset = offset;
        this.ld = ld;
        this.packed = packed;
    }

    public int k() {
        return k;
    }

    public int n() {
        return n;
    }
}
