package org.seq4j.tensor.kernel;

/**
 * The one global choice in seq4j: which kernels run. The Vector API kernels are used unless the system property
 * {@code seq4j.simd=false} is set, or the JVM was started without {@code --add-modules jdk.incubator.vector} (then
 * seq4j still works, on the scalar reference kernels, and says so once on stderr).
 */
public final class Kernels {
    public static final String SIMD_PROPERTY = "seq4j.simd";

    private static final MathKernel SCALAR_MATH = new ScalarMath();
    private static final GemmKernel SCALAR_GEMM = new ScalarGemm();
    private static final RnnKernel SCALAR_RNN = new ScalarRnn();
    private static final NormKernel SCALAR_NORM = new ScalarNorm();
    private static final UpdateKernel SCALAR_UPDATE = new ScalarUpdate();
    private static final Choice CHOICE = choose();

    private record Choice(boolean simd, MathKernel math, GemmKernel gemm, RnnKernel rnn, NormKernel norm, UpdateKernel update) {}

    private Kernels() {}

    private static Choice choose() {
        if ("false".equalsIgnoreCase(System.getProperty(SIMD_PROPERTY, "true"))) {
            return new Choice(false, SCALAR_MATH, SCALAR_GEMM, SCALAR_RNN, SCALAR_NORM, SCALAR_UPDATE);
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            System.err.println("seq4j: jdk.incubator.vector is not loaded (add --add-modules jdk.incubator.vector);"
                    + " using the scalar kernels");
            return new Choice(false, SCALAR_MATH, SCALAR_GEMM, SCALAR_RNN, SCALAR_NORM, SCALAR_UPDATE);
        }
        return new Choice(true, new VectorMath(), new VectorGemm(), new VectorRnn(), new VectorNorm(),
                new VectorUpdate());
    }

    /** True when the Vector API kernels are the ones in use. */
    public static boolean simd() {
        return CHOICE.simd();
    }

    public static MathKernel math() {
        return CHOICE.math();
    }

    public static GemmKernel gemm() {
        return CHOICE.gemm();
    }

    public static RnnKernel rnn() {
        return CHOICE.rnn();
    }

    public static NormKernel norm() {
        return CHOICE.norm();
    }

    public static UpdateKernel update() {
        return CHOICE.update();
    }

    /** The scalar reference kernels, whatever the choice (for tests that compare the two). */
    public static MathKernel scalarMath() {
        return SCALAR_MATH;
    }

    public static GemmKernel scalarGemm() {
        return SCALAR_GEMM;
    }

    public static RnnKernel scalarRnn() {
        return SCALAR_RNN;
    }

    public static NormKernel scalarNorm() {
        return SCALAR_NORM;
    }

    public static UpdateKernel scalarUpdate() {
        return SCALAR_UPDATE;
    }
}
