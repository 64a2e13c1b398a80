package org.seq4j.tensor.kernel;

/**
 * The gate math of the fused LSTM and GRU sequence primitives, one batch row of {@code u} units per call (the
 * recurrent GEMMs around it are the caller's). Forward writes the activations backward needs; backward reads them
 * and writes the pre-activation gradients. One scalar reference ({@link ScalarRnn}) defines the semantics; the
 * Vector API one ({@link VectorRnn}) is tested against it.
 *
 * <pre>
 * LSTM, blocks [i, f, g, o]:  a = σ,σ,tanh,σ (xw + hU)    c = f⊙c' + i⊙g    h = o⊙tanh(c)
 * GRU (reset after), blocks [z, r, n]:  hu = hU + b'   z, r = σ(xw + hu)   n = tanh(xw_n + r⊙hu_n)
 *                                         h = n + z⊙(h' − n)
 * </pre>
 */
public interface RnnKernel {

    /**
     * LSTM step of one row. In: xw (4u), z (4u) holding h'·U; cPrev (u). Out: z overwritten by the activations
     * [i, f, g, o], c (u) and h (u).
     */
    void lstmForward(float[] xw, int xwOff, float[] z, int zOff, float[] cPrev, int cPrevOff,
                     float[] c, int cOff, float[] h, int hOff, int u);

    /**
     * LSTM step backward of one row. In: the activations a (4u), cPrev and c (u), dh (u, the whole gradient reaching
     * h), dc (u, the gradient reaching c from the next step). Out: dz (4u, pre-activation gradient) and dc
     * overwritten by the gradient reaching cPrev. {@code scratch} holds u floats. dz may be a itself (each element
     * of a is read before the element of dz at its place is written).
     */
    void lstmBackward(float[] a, int aOff, float[] cPrev, int cPrevOff, float[] c, int cOff, float[] dh, int dhOff,
                      float[] dc, int dcOff, float[] dz, int dzOff, float[] scratch, int u);

    /**
     * GRU (reset after) step of one row. In: xw (3u), hu (3u, h'·U), bias (3u, the recurrent bias b'), hPrev (u).
     * Out: a (4u) = [z, r, n, hu_n + b'_n], h (u).
     */
    void gruForward(float[] xw, int xwOff, float[] hu, int huOff, float[] bias, int biasOff, float[] hPrev,
                    int hPrevOff, float[] a, int aOff, float[] h, int hOff, int u);

    /**
     * GRU step backward of one row. In: a (4u), hPrev (u), dh (u). Out: dxw (3u) the gradient of xw, dhu (3u) that
     * of hU + b', dhPrev (u) = dh ⊙ z, the direct part of the gradient reaching hPrev (the caller adds dhu·Uᵀ).
     */
    void gruBackward(float[] a, int aOff, float[] hPrev, int hPrevOff, float[] dh, int dhOff, float[] dxw,
                     int dxwOff, float[] dhu, int dhuOff, float[] dhPrev, int dhPrevOff, int u);
}
