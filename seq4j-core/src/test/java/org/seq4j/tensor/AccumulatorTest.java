package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-place running sum against chained {@code add}, bit for bit, over terms of every layout. */
class AccumulatorTest {

    @Test
    void equalsChainedAddsAndLeavesItsTermsUnchanged() {
        float[] a = Ref.values(81, 2 * 3 * 4);
        float[] b = Ref.values(82, 2 * 3 * 4);
        float[] wide = Ref.values(83, 2 * 3 * 6);
        List<Tensor> terms = List.of(Tensor.of(a, 2, 3, 4), Ref.strided(b, 2, 3, 4),
                Tensor.of(b, 3, 2, 4).transpose(0, 1), Tensor.of(wide, 2, 3, 6).narrow(2, 1, 4),
                Tensor.of(java.util.Arrays.copyOf(a, 12), 1, 3, 4).expand(2, 3, 4), Tensor.of(a, 2, 3, 4));
        float[][] before = terms.stream().map(Tensor::toArray).toArray(float[][]::new);
        for (int k = 1; k <= terms.size(); k++) {
            Accumulator acc = new Accumulator(terms.get(0));
            Tensor chained = terms.get(0);
            for (int i = 1; i < k; i++) {
                acc.add(terms.get(i));
                chained = chained.add(terms.get(i));
            }
            Tensor sum = acc.result();
            assertArrayEquals(chained.toArray(), sum.toArray(), k + " terms");
            Ref.assertShape(sum, 2, 3, 4);
            if (k == 1) {
                assertSame(terms.get(0), sum); // one term: no copy
            }
        }
        for (int i = 0; i < terms.size(); i++) {
            assertArrayEquals(before[i], terms.get(i).toArray(), "term " + i);
        }
    }

    @Test
    void scalarsAndMisuse() {
        Accumulator acc = new Accumulator(Tensor.scalar(1.5f));
        acc.add(Tensor.scalar(2f));
        acc.add(Tensor.of(new float[] {4f}, 1).squeeze(0));
        assertArrayEquals(new float[] {7.5f}, acc.result().toArray());
        assertThrows(IllegalStateException.class, () -> acc.add(Tensor.scalar(1f)));
        Accumulator other = new Accumulator(Tensor.zeros(2, 3));
        Ref.assertMessage(IllegalArgumentException.class, () -> other.add(Tensor.zeros(3, 2)), "(3, 2)", "(2, 3)");
    }
}
