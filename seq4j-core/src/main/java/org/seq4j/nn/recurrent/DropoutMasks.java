package org.seq4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dropout;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Variational dropout for a recurrent layer (Gal and Ghahramani 2016): keep-masks drawn once per sequence and
 * reused at every step. {@code input} holds one (B, F) mask per gate block, applied to x_t before that gate's kernel;
 * {@code recurrent} one (B, units) mask per gate block, applied to h_{t−1} before that gate's recurrent kernel. This
 * is Keras 2's cell code with {@code implementation=1}, the mode Keras 2 switches to whenever recurrent_dropout is
 * set (Keras 3 and tfjs share one mask between the gates). Empty lists mean no dropout.
 */
public record DropoutMasks(List<Tensor> input, List<Tensor> recurrent) {

    public DropoutMasks {
        input = List.copyOf(input);
        recurrent = List.copyOf(recurrent);
    }

    public static DropoutMasks none() {
        return new DropoutMasks(List.of(), List.of());
    }

    /**
     * Draws the masks from the context's generator when training with a non-zero rate: the input masks first, then
     * the recurrent ones, gate by gate. In inference (or at rate 0) there are none.
     */
    public static DropoutMasks draw(Context ctx, float rate, float recurrentRate, int batch, int inputDim,
                                    int units, int gates) {
        if (!ctx.training()) {
            return none();
        }
        return new DropoutMasks(masks(ctx, rate, Shape.of(batch, inputDim), gates),
                masks(ctx, recurrentRate, Shape.of(batch, units), gates));
    }

    private static List<Tensor> masks(Context ctx, float rate, Shape shape, int count) {
        List<Tensor> out = new ArrayList<>(count);
        if (rate > 0f) {
            for (int g = 0; g < count; g++) {
                out.add(Dropout.keepMask(shape, rate, ctx));
            }
        }
        return out;
    }
}
