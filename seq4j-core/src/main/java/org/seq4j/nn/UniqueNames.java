package org.seq4j.nn;

import java.util.HashMap;
import java.util.Map;

/** Keras-style unique layer names within a model: the first "dense" stays "dense", then "dense_1", "dense_2". */
final class UniqueNames {
    private final Map<String, Integer> seen = new HashMap<>();

    String next(String base) {
        int n = seen.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }
}
