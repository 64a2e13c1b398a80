package org.seq4j.autograd;

/**
 * Whether ops record a graph on this thread. Inside {@code try (var s = GradMode.noGrad()) { ... }} nothing is
 * recorded: results are constants, as in PyTorch's {@code torch.no_grad()}. The flag is per thread (a scope, not a
 * setting), so inference on one thread never disturbs training on another.
 */
public final class GradMode {
    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private GradMode() {}

    /** A scope that closes by restoring the previous mode; scopes nest. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public static Scope noGrad() {
        int[] depth = DISABLED_DEPTH.get();
        depth[0]++;
        return () -> depth[0]--;
    }

    public static boolean isEnabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }
}
